import { defineCountry } from '../kit/country.js';
import { MmrCertification, MmrWorkPermit } from './types.js';
import { nssaAdapter } from './nssa.adapter.js';
import { molAdapter } from './mol.adapter.js';
import { molProfile, nssaProfile } from './profiles.js';

/** Myanmar: NSSA skills certificates and Ministry of Labour foreign-employment permits. */
export const country = defineCountry({
  code: 'MMR',
  name: 'Myanmar',
  certifications: { type: MmrCertification, adapter: nssaAdapter, profile: nssaProfile },
  permits: { type: MmrWorkPermit, adapter: molAdapter, profile: molProfile },
});
