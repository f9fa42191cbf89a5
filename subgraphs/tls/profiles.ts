// The Timorese registries' published behaviour (subgraphs/tls/README.md). Neither service has a
// batch endpoint: every record by number is one `GET`, which the kit paces under the 5 requests a
// second both allow. Both publish a `pesquisa` paged by number, 50 a page: the bulk interface.
import type { RegistryProfile } from '../kit/adapter.js';

export const indmoProfile: RegistryProfile = { key: 'indmo', kind: 'CERT', format: 'json', ratePerSecond: 5, lookup: { style: 'single', route: 'GET /indmo/certificados/{numeroCertificado}' }, bulk: { route: 'GET /indmo/certificados/pesquisa', pageSize: 50 } };
export const sefopeProfile: RegistryProfile = { key: 'sefope', kind: 'PERMIT', format: 'json', ratePerSecond: 5, lookup: { style: 'single', route: 'GET /sefope/autorizacoes/{numero}' }, bulk: { route: 'GET /sefope/autorizacoes/pesquisa', pageSize: 50 } };
