// Lao PDR: NVQF vocational certificates and the MLSW work-permit register, read from its daily CSV
// extract (subgraphs/lao/README.md).
import { defineCountry } from '../kit/country.js';
import { LaoCertification, LaoWorkPermit } from './types.js';
import { nvqfAdapter } from './nvqf.adapter.js';
import { mlswAdapter } from './mlsw.adapter.js';

export const country = defineCountry({
  code: 'LAO',
  name: 'Lao PDR',
  certifications: { type: LaoCertification, adapter: nvqfAdapter },
  permits: { type: LaoWorkPermit, adapter: mlswAdapter },
});
