// Timor-Leste: INDMO skills certificates and SEFOPE work authorisations (subgraphs/tls/README.md).
import { defineCountry } from '../kit/country.js';
import { TlsCertification, TlsWorkPermit } from './types.js';
import { indmoAdapter } from './indmo.adapter.js';
import { sefopeAdapter } from './sefope.adapter.js';

export const country = defineCountry({
  code: 'TLS',
  name: 'Timor-Leste',
  certifications: { type: TlsCertification, adapter: indmoAdapter },
  permits: { type: TlsWorkPermit, adapter: sefopeAdapter },
});
