import { defineCountry } from '../kit/country.js';
import { BrnCertification, BrnWorkPermit } from './types.js';
import { bdnacAdapter } from './bdnac.adapter.js';
import { lpaAdapter } from './lpa.adapter.js';

/** Brunei Darussalam: BDNAC national TVET certificates and Department of Labour foreign-worker licences. */
export const country = defineCountry({
  code: 'BRN',
  name: 'Brunei Darussalam',
  certifications: { type: BrnCertification, adapter: bdnacAdapter },
  permits: { type: BrnWorkPermit, adapter: lpaAdapter },
});
