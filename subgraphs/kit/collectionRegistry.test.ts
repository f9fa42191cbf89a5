import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectionCalls, numberedPage, type CollectionApi, type NumberedSearch } from './collectionRegistry.js';
import { RegistryClient } from './registryClient.js';
import { startFakeRegistry, type FakeRegistry } from '../../sandbox/testing/registryTesting.js';

// The collection shape Viet Nam's and Timor-Leste's registries share, over real HTTP against a
// registry that answers whatever each test says.
const API: CollectionApi = {
  collection: '/records',
  number: 'no',
  what: 'record',
  notFound: { erro: 'Registo não encontrado' },
  list: 'resultados',
  message: 'erro',
  passport: 'passaporte',
  nationality: 'nacionalidade',
  nationalityName: (alpha3) => ({ PRT: 'Portugal' })[alpha3],
};
const SEARCH: NumberedSearch = { path: '/records/pesquisa', page: 'pagina', size: 'tamanho', total: 'total', list: 'resultados', message: 'erro', pageSize: 2, since: { param: 'de', format: 'DD/MM/YYYY' } };

describe('the kit\'s collection-registry calls', () => {
  let registry: FakeRegistry;
  let client: RegistryClient;
  beforeAll(async () => {
    registry = await startFakeRegistry();
    client = new RegistryClient({ country: 'TLS', registry: 'demo', baseUrl: registry.url, timeoutMs: 1000, maxConcurrency: 2, ratePerSecond: 1000 });
  });
  afterAll(() => registry.close());

  it('asks for one number at its path, percent-encoded unless the registry\'s URLs say otherwise', async () => {
    registry.reply(200, { no: 'A/1 b' });
    await collectionCalls(client, API).fetchByIds(['A/1 b']);
    await collectionCalls(client, { ...API, encode: (id) => id.split('/').map(encodeURIComponent).join('/') }).fetchByIds(['A/1 b']);
    expect(registry.asked.slice(-2)).toEqual(['/records/A%2F1%20b', '/records/A/1%20b']);
  });

  it('reads the registry\'s own 404 as not found, and quotes its message on any other answer', async () => {
    registry.reply(404, { erro: 'Registo não encontrado' });
    await expect(collectionCalls(client, API).fetchByIds(['X'])).resolves.toEqual([]);
    registry.reply(400, { erro: 'pedido inválido' });
    await expect(collectionCalls(client, API).findByHolder({ nationality: 'PRT', documentNumber: 'P1', dateOfBirth: null })).rejects.toMatchObject({ message: 'TLS demo: GET /records?passaporte answered 400: pedido inválido', extensions: { code: 'REGISTRY_PROTOCOL_ERROR', status: 400 } });
  });

  it('asks the passport search by country name, and says so without a call for a nationality it cannot name', async () => {
    registry.reply(200, { resultados: [{ no: 'A1' }] });
    await expect(collectionCalls(client, API).findByHolder({ nationality: 'PRT', documentNumber: 'P1', dateOfBirth: null })).resolves.toEqual([{ no: 'A1' }]);
    expect(new URL(registry.asked.at(-1)!, registry.url).searchParams.get('nacionalidade')).toBe('Portugal');
    const asked = registry.asked.length;
    await expect(collectionCalls(client, API).findByHolder({ nationality: 'XXA', documentNumber: 'P1', dateOfBirth: null })).rejects.toMatchObject({ extensions: { code: 'NATIONALITY_NOT_EXPRESSIBLE', nationality: 'XXA' } });
    expect(registry.asked.length).toBe(asked);
  });

  it('pages a numbered search to its total, with the issue-date bound in the registry\'s format', async () => {
    registry.reply(200, { resultados: [{ no: 'A1' }, { no: 'A2' }], total: 3 });
    expect(await numberedPage(client, SEARCH, null, { issuedSince: '2025-01-31' })).toEqual({ records: [{ no: 'A1' }, { no: 'A2' }], next: '2' });
    expect(Object.fromEntries(new URL(registry.asked.at(-1)!, registry.url).searchParams)).toEqual({ pagina: '1', tamanho: '2', de: '31/01/2025' });
    registry.reply(200, { resultados: [{ no: 'A3' }], total: 3 });
    expect(await numberedPage(client, SEARCH, '2')).toEqual({ records: [{ no: 'A3' }], next: null });
  });
});
