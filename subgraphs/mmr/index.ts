// Myanmar: NSSA skills certificates and Ministry of Labour foreign-employment permits (subgraphs/mmr/README.md).
import { defineCountry } from '../kit/country.js';
import { MmrCertification, MmrWorkPermit } from './types.js';
import { nssaAdapter } from './nssa.adapter.js';
import { molAdapter } from './mol.adapter.js';

export const country = defineCountry({
  code: 'MMR',
  name: 'Myanmar',
  certifications: { type: MmrCertification, adapter: nssaAdapter },
  permits: { type: MmrWorkPermit, adapter: molAdapter },
});
