// Viet Nam: national occupational skills certificates and provincial work permits (subgraphs/vnm/README.md).
import { defineCountry } from '../kit/country.js';
import { VnmCertification, VnmWorkPermit } from './types.js';
import { kynangAdapter } from './kynang.adapter.js';
import { gpldAdapter } from './gpld.adapter.js';

export const country = defineCountry({
  code: 'VNM',
  name: 'Viet Nam',
  certifications: { type: VnmCertification, adapter: kynangAdapter },
  permits: { type: VnmWorkPermit, adapter: gpldAdapter },
});
