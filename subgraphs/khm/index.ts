// Cambodia: NTB national certificates and MLVT FWCMS work permits (subgraphs/khm/README.md).
import { defineCountry } from '../kit/country.js';
import { KhmCertification, KhmWorkPermit } from './types.js';
import { ntbAdapter } from './ntb.adapter.js';
import { fwcmsAdapter } from './fwcms.adapter.js';

export const country = defineCountry({
  code: 'KHM',
  name: 'Cambodia',
  certifications: { type: KhmCertification, adapter: ntbAdapter },
  permits: { type: KhmWorkPermit, adapter: fwcmsAdapter },
});
