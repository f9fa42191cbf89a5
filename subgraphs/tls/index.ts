import { defineCountry } from '../kit/country.js';
import { TlsCertification, TlsWorkPermit } from './types.js';
import { indmoAdapter } from './indmo.adapter.js';
import { sefopeAdapter } from './sefope.adapter.js';
import { indmoProfile, sefopeProfile } from './profiles.js';

/** Timor-Leste: INDMO skills certificates and SEFOPE work authorisations. */
export const country = defineCountry({
  code: 'TLS',
  name: 'Timor-Leste',
  certifications: { type: TlsCertification, adapter: indmoAdapter, profile: indmoProfile },
  permits: { type: TlsWorkPermit, adapter: sefopeAdapter, profile: sefopeProfile },
});
