import { defineCountry } from '../kit/country.js';
import { KhmCertification, KhmWorkPermit } from './types.js';
import { ntbAdapter } from './ntb.adapter.js';
import { fwcmsAdapter } from './fwcms.adapter.js';
import { fwcmsProfile, ntbProfile } from './profiles.js';

/** Cambodia: NTB national certificates and MLVT FWCMS work permits. */
export const country = defineCountry({
  code: 'KHM',
  name: 'Cambodia',
  certifications: { type: KhmCertification, adapter: ntbAdapter, profile: ntbProfile },
  permits: { type: KhmWorkPermit, adapter: fwcmsAdapter, profile: fwcmsProfile },
});
