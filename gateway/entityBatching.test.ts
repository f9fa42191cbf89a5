import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { EntityBatchingDataSource } from './entityBatching.js';

// A subgraph over real HTTP that answers `_entities` with one entity per representation, and an
// error for every representation whose id starts with "bad".
describe('EntityBatchingDataSource', () => {
  let server: Server;
  let url = '';
  const received: Array<{ operationName: string; count: number }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const { operationName, variables } = JSON.parse(body) as { operationName: string; variables: { representations: Array<{ id: string }> } };
        received.push({ operationName, count: variables.representations.length });
        const errors = variables.representations.flatMap((r, i) => (r.id.startsWith('bad') ? [{ message: `no ${r.id}`, path: ['_entities', i, 'status'] }] : []));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: { _entities: variables.representations.map((r) => (r.id.startsWith('bad') ? null : { id: r.id, status: 'VALID' })) }, ...(errors.length ? { errors } : {}) }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const fetchOf = (operation: object, name: string, ids: string[]) =>
    ({
      kind: 'incoming operation',
      request: { query: `query ${name}($representations:[_Any!]!){_entities(representations:$representations){...on IdnCertification{id status}}}`, operationName: name, variables: { representations: ids.map((id) => ({ __typename: 'IdnCertification', id })) } },
      incomingRequestContext: operation,
      context: {},
    }) as unknown as GraphQLDataSourceProcessOptions;

  it('sends the entity fetches of one operation to one subgraph as one request, each answered with its own slice', async () => {
    const source = new EntityBatchingDataSource({ url });
    const operation = {};
    received.length = 0;
    const answers = await Promise.all([
      source.process(fetchOf(operation, 'Nodes__idn__1', ['a1'])),
      source.process(fetchOf(operation, 'Nodes__idn__2', ['b1', 'bad2'])),
      source.process(fetchOf(operation, 'Nodes__idn__3', ['c1'])),
    ]);
    expect(received).toEqual([{ operationName: 'Nodes__idn__1', count: 4 }]);
    expect(answers.map((a) => a.data?._entities)).toEqual([[{ id: 'a1', status: 'VALID' }], [{ id: 'b1', status: 'VALID' }, null], [{ id: 'c1', status: 'VALID' }]]);
    expect(answers[0].errors).toBeUndefined();
    expect(answers[1].errors).toEqual([{ message: 'no bad2', path: ['_entities', 1, 'status'] }]);
    expect(answers[2].errors).toBeUndefined();
  });

  it('never merges the fetches of two operations', async () => {
    const source = new EntityBatchingDataSource({ url });
    received.length = 0;
    await Promise.all([source.process(fetchOf({}, 'A__idn__1', ['a'])), source.process(fetchOf({}, 'B__idn__1', ['b']))]);
    expect(received.map((r) => r.count)).toEqual([1, 1]);
  });

  it('leaves fetches with other variables, or of other queries, alone', async () => {
    const source = new EntityBatchingDataSource({ url });
    const operation = {};
    received.length = 0;
    const other = fetchOf(operation, 'Nodes__idn__2', ['b']);
    other.request.query = other.request.query!.replace('id status', 'id');
    await Promise.all([source.process(fetchOf(operation, 'Nodes__idn__1', ['a'])), source.process(other)]);
    expect(received.map((r) => r.count)).toEqual([1, 1]);
  });
});
