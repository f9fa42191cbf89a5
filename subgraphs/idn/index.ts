import { defineCountry } from '../kit/country.js';
import { IdnCertification, IdnWorkPermit } from './types.js';
import { bnspAdapter } from './bnsp.adapter.js';
import { tkaAdapter } from './tka.adapter.js';

/** Indonesia: BNSP competency certificates and Kemnaker TKA Online approvals. */
export const country = defineCountry({
  code: 'IDN',
  name: 'Indonesia',
  certifications: { type: IdnCertification, adapter: bnspAdapter },
  permits: { type: IdnWorkPermit, adapter: tkaAdapter },
});
