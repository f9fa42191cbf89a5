import { defineCountry } from '../kit/country.js';
import { LaoCertification, LaoWorkPermit } from './types.js';
import { nvqfAdapter } from './nvqf.adapter.js';
import { mlswAdapter } from './mlsw.adapter.js';
import { mlswProfile, nvqfProfile } from './profiles.js';

/** Lao PDR: NVQF vocational certificates and the MLSW work-permit register, read from its daily CSV extract. */
export const country = defineCountry({
  code: 'LAO',
  name: 'Lao PDR',
  certifications: { type: LaoCertification, adapter: nvqfAdapter, profile: nvqfProfile },
  permits: { type: LaoWorkPermit, adapter: mlswAdapter, profile: mlswProfile },
});
