import fc from 'fast-check';

/**
 * Hostile requests for the gateway, generated: GraphQL documents built from Rantau's own schema
 * (so many of them are valid and really run) and then bent (wrong operation types, unknown fields,
 * huge names and strings, deep nesting, directives, fragment cycles, cut text); variables of every
 * JSON shape; and raw HTTP bodies that are not GraphQL requests at all.
 */
export interface HostileRequest {
  method: 'GET' | 'POST' | 'PUT';
  contentType: string;
  /** Query string for GET, body otherwise. */
  payload: string;
}

const name = fc.oneof(fc.constantFrom('W', 'Nodes', 'x', '_', 'Op'), fc.stringMatching(/^[_A-Za-z][_0-9A-Za-z]{0,20}$/), fc.constant('N'.repeat(5000)));
const scalarLiteral = fc.oneof(
  fc.constantFrom('"IDN"', '"VNM"', '"C4812290"', '"1990-01-05"', '"IDN:CERT:74101.2421.3.0004512.2023"', '"VNM:CERT:KNQG-2024-HN-001234"', 'null', '1', 'true', '[]', '{}', '""', '"\\u0000"'),
  fc.string({ maxLength: 30 }).map((s) => JSON.stringify(s)),
  fc.constant(JSON.stringify('A'.repeat(20_000))),
  fc.constantFrom('$a', '$b', '$ids', '$undefined'),
);
const list = (item: fc.Arbitrary<string>) => fc.array(item, { maxLength: 5 }).map((items) => `[${items.join(', ')}]`);
const identity = fc.tuple(scalarLiteral, scalarLiteral).map(([n, d]) => `{ nationality: ${n}, documentNumber: ${d} }`);
const directive = fc.constantFrom('', '', '', ' @skip(if: true)', ' @include(if: false)', ' @include(if: $a)', ' @deprecated', ' @unknown(x: 1)', ' @skip(if: true) @skip(if: false)');
const alias = fc.oneof(fc.constant(''), name.map((n) => `${n}: `));

const leaf = fc.constantFrom('id', 'countries', '__typename', 'nationality', 'documentNumber', 'title', 'status', 'nope', '__schema { types { name } }', '__type(name: "Worker") { name }');
const recordSelection = fc.constantFrom(
  '{ id }',
  '{ id __typename }',
  '{ id ... on Certification { title status aqrfLevel } ... on WorkPermit { status employer { name } } }',
  '{ id title }',
  '',
  '{ }',
);
const workerSelection = fc.oneof(
  fc.array(leaf, { minLength: 1, maxLength: 4 }).map((fields) => `{ ${fields.join(' ')} }`),
  recordSelection.map((records) => `{ id countries certifications ${records || '{ id }'} permits ${records || '{ id }'} }`),
  fc.nat({ max: 12 }).map((depth) => `{ certifications ${'{ id occupation '.repeat(depth)}{ isco }${' }'.repeat(depth)} }`),
  fc.constant('{ ...F }'),
);

const rootField = fc.oneof(
  fc.tuple(alias, scalarLiteral, scalarLiteral, fc.option(scalarLiteral), directive, workerSelection).map(
    ([a, n, d, b, dir, sel]) => `${a}worker(nationality: ${n}, documentNumber: ${d}${b === null ? '' : `, dateOfBirth: ${b}`})${dir} ${sel}`,
  ),
  fc.tuple(alias, fc.oneof(list(identity), fc.constant('$ids'), scalarLiteral), directive, workerSelection).map(([a, ids, dir, sel]) => `${a}workers(identities: ${ids})${dir} ${sel}`),
  fc.tuple(alias, scalarLiteral, directive, recordSelection).map(([a, id, dir, sel]) => `${a}node(id: ${id})${dir} ${sel}`),
  fc.tuple(alias, fc.oneof(list(scalarLiteral), fc.constant('$ids')), directive, recordSelection).map(([a, ids, dir, sel]) => `${a}nodes(ids: ${ids})${dir} ${sel}`),
  leaf,
  fc.constantFrom('unknownField', '_entities(representations: []) { __typename }', '_service { sdl }', 'idnLocate(identities: []) { key }'),
);

const operationType = fc.constantFrom('query', 'query', 'query', '', 'mutation', 'subscription', 'fragment', 'Query');
const variableDefinitions = fc.constantFrom('', '($a: Boolean)', '($ids: [ID!]!)', '($ids: [WorkerIdentityInput!]!, $a: Boolean!)', '($a: String, $b: Date)', '($a: Nope)', '($a: Boolean = "x")');
const fragment = fc.constantFrom('', '', 'fragment F on Worker { id }', 'fragment F on Worker { ...F }', 'fragment F on Query { __typename }', 'fragment F on Nope { id }');

/** Text damage applied to some documents after they are built. */
const damage = fc.oneof(
  fc.constant((text: string) => text),
  fc.constant((text: string) => text),
  fc.constant((text: string) => text),
  fc.double({ min: 0, max: 1, noNaN: true }).map((at) => (text: string) => text.slice(0, Math.floor(at * text.length))),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('{', '}', '(', '"', '#', '\\', '$', '...', '@', '\u0000', '\ud800')).map(([at, bad]) => (text: string) => {
    const i = Math.floor(at * text.length);
    return text.slice(0, i) + bad + text.slice(i);
  }),
);

export const document: fc.Arbitrary<string> = fc
  .tuple(operationType, fc.option(name), variableDefinitions, fc.array(rootField, { minLength: 1, maxLength: 4 }), fragment, damage)
  .map(([type, opName, vars, fields, frag, hurt]) => hurt(`${type} ${type ? (opName ?? '') : ''}${type ? vars : ''} { ${fields.join('\n')} }\n${frag}`));

export const variables: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.record({ a: fc.jsonValue({ maxDepth: 2 }), b: fc.jsonValue({ maxDepth: 1 }), ids: fc.oneof(fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }), fc.jsonValue({ maxDepth: 2 })) }, { requiredKeys: [] }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant({ ids: Array.from({ length: 600 }, (_, i) => `VNM:CERT:KNQG-2019-HN-${String(100_000 + i)}`) }),
  fc.constant({ a: 'B'.repeat(100_000) }),
);

const graphqlBody = fc
  .tuple(document, variables, fc.option(fc.oneof(name, fc.string({ maxLength: 20 }), fc.constant('Z'.repeat(50_000)))), fc.option(fc.jsonValue({ maxDepth: 3 })))
  .map(([query, vars, operationName, extensions]) => ({ query, variables: vars, ...(operationName === null ? {} : { operationName }), ...(extensions === null ? {} : { extensions }) }));

/** Bodies that are not a GraphQL request: wrong JSON shapes, not JSON, batches, wrong types. */
const rawBody: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? 'null'),
  fc.record({ query: fc.jsonValue({ maxDepth: 2 }), variables: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }).map((b) => JSON.stringify(b)),
  fc.array(graphqlBody, { minLength: 1, maxLength: 3 }).map((batch) => JSON.stringify(batch)),
  fc.constantFrom('', '{', '{"query":', '\u0000\u0001', '{"query": "{ __typename }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}', '{"extensions": {"persistedQuery": {"version": 2, "sha256Hash": "' + 'a'.repeat(64) + '"}}}'),
);

export const hostileRequest: fc.Arbitrary<HostileRequest> = fc.oneof(
  { weight: 6, arbitrary: graphqlBody.map((body) => ({ method: 'POST' as const, contentType: 'application/json', payload: JSON.stringify(body) })) },
  { weight: 2, arbitrary: rawBody.map((payload) => ({ method: 'POST' as const, contentType: 'application/json', payload })) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom('text/plain', 'application/graphql', 'multipart/form-data; boundary=x', '', 'application/x-www-form-urlencoded', 'application/json; charset=latin1'), fc.oneof(document, rawBody)).map(([contentType, payload]) => ({ method: 'POST' as const, contentType, payload })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(document, fc.constantFrom('application/json', '', 'text/plain'), fc.constantFrom('GET' as const, 'PUT' as const)).map(([query, contentType, method]) => ({ method, contentType, payload: `query=${encodeURIComponent(query.slice(0, 4000).replace(/[\ud800-\udfff]/g, '\ufffd'))}` })),
  },
);
