import { defineCountry } from '../kit/country.js';
import { MysCertification, MysWorkPermit } from './types.js';
import { jpkAdapter } from './jpk.adapter.js';
import { imiAdapter } from './imi.adapter.js';

/** Malaysia: JPK skills certificates and Immigration Department passes. */
export const country = defineCountry({
  code: 'MYS',
  name: 'Malaysia',
  certifications: { type: MysCertification, adapter: jpkAdapter },
  permits: { type: MysWorkPermit, adapter: imiAdapter },
});
