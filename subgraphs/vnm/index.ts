import { defineCountry } from '../kit/country.js';
import { VnmCertification, VnmWorkPermit } from './types.js';
import { kynangAdapter } from './kynang.adapter.js';
import { gpldAdapter } from './gpld.adapter.js';
import { gpldProfile, kynangProfile } from './profiles.js';

/** Viet Nam: national occupational skills certificates and provincial work permits. */
export const country = defineCountry({
  code: 'VNM',
  name: 'Viet Nam',
  certifications: { type: VnmCertification, adapter: kynangAdapter, profile: kynangProfile },
  permits: { type: VnmWorkPermit, adapter: gpldAdapter, profile: gpldProfile },
});
