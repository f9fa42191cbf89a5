// Philippines: TESDA National Certificates and DOLE Alien Employment Permits (subgraphs/phl/README.md).
import { defineCountry } from '../kit/country.js';
import { PhlCertification, PhlWorkPermit } from './types.js';
import { tesdaAdapter } from './tesda.adapter.js';
import { aepAdapter } from './aep.adapter.js';

export const country = defineCountry({
  code: 'PHL',
  name: 'Philippines',
  certifications: { type: PhlCertification, adapter: tesdaAdapter },
  permits: { type: PhlWorkPermit, adapter: aepAdapter },
});
