// How Rantau reads the wire bodies of subgraphs/mys/README.md: JPK's XML documents (`<Sijil>`,
// `<SenaraiSijil>`, `<Ralat>`) and the Immigration Department's `{"error":{"code":…}}` bodies.
// XML is read tolerantly where XML itself allows variation: namespace prefixes, `xsi:nil`
// elements and numeric character references all mean what a plain document would.
import { XMLParser } from 'fast-xml-parser';
import type { RegistryClient, RegistryResponse } from '../kit/registryClient.js';
import { JPK_ELEMENTS, type JpkRecord } from './jpk.native.js';

// Element text stays text (`<Tahap>02</Tahap>` is "02", `<NoKP></NoKP>` is ""): the adapter, not the parser, decides what a value means.
const parser = new XMLParser({
  parseTagValue: false,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  htmlEntities: true,
  isArray: (_name, jpath) => jpath === 'SenaraiSijil.Sijil',
});

/** An XML answer parsed, or REGISTRY_PROTOCOL_ERROR naming the route. */
export function readXml(client: Pick<RegistryClient, 'error'>, response: RegistryResponse, route: string): Record<string, unknown> {
  const contentType = response.headers.get('content-type') ?? '';
  if (!/\bxml\b/i.test(contentType)) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status} with content-type ${JSON.stringify(contentType)}, expected application/xml`);
  try {
    return parser.parse(response.text, true) as Record<string, unknown>;
  } catch (error) {
    throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status} with a body that is not well-formed XML: ${(error as Error).message}`);
  }
}

/** The text of an element: its text, "" for an empty or `xsi:nil` element, undefined when it holds elements of its own. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.every(([key]) => key.startsWith('@_'))) return '';
    const text = (value as Record<string, unknown>)['#text'];
    if (typeof text === 'string' && entries.every(([key]) => key === '#text' || key.startsWith('@_'))) return text;
  }
  return undefined;
}

/** A `<Sijil>` element as a JpkRecord, or `fail` naming the element that is missing or not text. */
export function sijilOf(element: unknown, fail: (message: string) => Error): JpkRecord {
  if (typeof element !== 'object' || element === null) throw fail('a <Sijil> without elements');
  const fields = element as Record<string, unknown>;
  const record: Record<string, string> = {};
  for (const name of JPK_ELEMENTS) {
    const text = textOf(fields[name]);
    if (text === undefined) throw fail(`a <Sijil> whose <${name}> is ${fields[name] === undefined ? 'missing' : 'not text'}`);
    record[name] = text;
  }
  return record as unknown as JpkRecord;
}

/** A `<Sijil>`'s number, when it has one as text. */
export function noSijilOf(element: unknown): string | undefined {
  return typeof element === 'object' && element !== null ? textOf((element as Record<string, unknown>).NoSijil)?.trim() : undefined;
}

/** The `<Kod>` of a `<Ralat>` document, if the body is one. */
export function ralatKod(document: Record<string, unknown>): string | undefined {
  const ralatElement = document.Ralat as { Kod?: unknown } | undefined;
  return typeof ralatElement?.Kod === 'string' ? ralatElement.Kod : undefined;
}

/** A 200 JSON object from the Immigration Department, or REGISTRY_PROTOCOL_ERROR naming the route and the registry's error code. */
export function imiBody<T>(client: RegistryClient, response: RegistryResponse, route: string): T {
  if (response.status !== 200) {
    let code = 'no error code';
    try {
      code = (JSON.parse(response.text) as { error?: { code?: string; message?: string } }).error?.code ?? code;
    } catch {
      // A body that is not JSON is reported by its status alone.
    }
    throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status} (${code}): ${response.text.slice(0, 200)}`, { nativeCode: code });
  }
  const body = client.json<unknown>(response, route);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 200 with ${JSON.stringify(body).slice(0, 100)}, expected a JSON object`);
  return body as T;
}
