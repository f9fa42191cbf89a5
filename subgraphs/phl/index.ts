import { defineCountry } from '../kit/country.js';
import { PhlCertification, PhlWorkPermit } from './types.js';
import { tesdaAdapter } from './tesda.adapter.js';
import { aepAdapter } from './aep.adapter.js';
import { aepProfile, tesdaProfile } from './profiles.js';

/** Philippines: TESDA National Certificates and DOLE Alien Employment Permits. */
export const country = defineCountry({
  code: 'PHL',
  name: 'Philippines',
  certifications: { type: PhlCertification, adapter: tesdaAdapter, profile: tesdaProfile },
  permits: { type: PhlWorkPermit, adapter: aepAdapter, profile: aepProfile },
});
