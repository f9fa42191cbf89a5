import { defineCountry } from '../kit/country.js';
import { IdnCertification, IdnWorkPermit } from './types.js';
import { bnspAdapter } from './bnsp.adapter.js';
import { tkaAdapter } from './tka.adapter.js';
import { bnspProfile, tkaProfile } from './profiles.js';

/** Indonesia: BNSP competency certificates and Kemnaker TKA Online approvals. */
export const country = defineCountry({
  code: 'IDN',
  name: 'Indonesia',
  certifications: { type: IdnCertification, adapter: bnspAdapter, profile: bnspProfile },
  permits: { type: IdnWorkPermit, adapter: tkaAdapter, profile: tkaProfile },
});
