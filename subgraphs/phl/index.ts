import { defineCountry } from '../../schema/kit/country.js';
import { PhlCertification, PhlWorkPermit } from './types.js';
import { tesdaAdapter } from './tesda.adapter.js';
import { aepAdapter } from './aep.adapter.js';
import { tesdaSimulator } from './tesda.simulator.js';
import { aepSimulator } from './aep.simulator.js';
import { aepProfile, tesdaProfile } from './profiles.js';

/** Philippines: TESDA National Certificates and DOLE Alien Employment Permits. */
export const country = defineCountry({
  code: 'PHL',
  name: 'Philippines',
  certifications: { type: PhlCertification, adapter: tesdaAdapter, profile: tesdaProfile },
  permits: { type: PhlWorkPermit, adapter: aepAdapter, profile: aepProfile },
});

export const simulators = [tesdaSimulator, aepSimulator];
