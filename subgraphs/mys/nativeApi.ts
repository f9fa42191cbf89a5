import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { NativeResponse } from '../../sandbox/simulator/simulator.js';
import type { RegistryClient, RegistryResponse } from '../kit/registryClient.js';
import { JPK_ELEMENTS, type JpkRecord } from './jpk.native.js';

/**
 * The wire bodies of subgraphs/mys/README.md, for the simulators and the adapters alike: JPK's
 * XML documents (`<Sijil>`, `<SenaraiSijil>`, `<Ralat>`) and the Immigration Department's
 * `{"error":{"code":…}}` bodies. Neither specification gives a 400 body; JPK's `PARAMETER` and
 * IMI's `INVALID_ARGUMENT`, each with a message, follow the style of the bodies they do give.
 */

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' });
// Element text stays text (`<Tahap>02</Tahap>` is "02", `<NoKP></NoKP>` is ""): the adapter, not the parser, decides what a value means.
const parser = new XMLParser({ parseTagValue: false, ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (_name, jpath) => jpath === 'SenaraiSijil.Sijil' });

const inSpecOrder = (record: JpkRecord) => Object.fromEntries(JPK_ELEMENTS.map((element) => [element, record[element]]));

export function sijilXml(record: JpkRecord): string {
  return XML_DECLARATION + builder.build({ Sijil: inSpecOrder(record) });
}

/** `<SenaraiSijil>` with optional attributes (the search's `jumlah`, `mula`, `bil`). */
export function senaraiSijilXml(records: JpkRecord[], attributes: Record<string, number> = {}): string {
  const attrs = Object.fromEntries(Object.entries(attributes).map(([name, value]) => [`@_${name}`, value]));
  return XML_DECLARATION + builder.build({ SenaraiSijil: { ...attrs, Sijil: records.map(inSpecOrder) } });
}

const ralat = (status: number, kod: string, mesej?: string): NativeResponse => ({ status, xml: XML_DECLARATION + builder.build({ Ralat: mesej === undefined ? { Kod: kod } : { Kod: kod, Mesej: mesej } }) });
export const jpkNotFound = ralat(404, 'TIADA', 'Sijil tidak dijumpai');
export const jpkRateLimited = ralat(429, 'HAD');
export const jpkBadRequest = (mesej: string) => ralat(400, 'PARAMETER', mesej);

/** The adapter's side: an XML answer parsed, or REGISTRY_PROTOCOL_ERROR naming the route. */
export function readXml(client: Pick<RegistryClient, 'error'>, response: RegistryResponse, route: string): Record<string, unknown> {
  const contentType = response.headers.get('content-type') ?? '';
  if (!/\bxml\b/i.test(contentType)) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status} with content-type ${JSON.stringify(contentType)}, expected application/xml`);
  try {
    return parser.parse(response.text, true) as Record<string, unknown>;
  } catch (error) {
    throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status} with a body that is not well-formed XML: ${(error as Error).message}`);
  }
}

/** A `<Sijil>` element as a JpkRecord: every published element present, each holding text only. */
export function sijilOf(client: Pick<RegistryClient, 'error'>, element: unknown, route: string): JpkRecord {
  if (typeof element !== 'object' || element === null) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered a <Sijil> without elements`);
  const fields = element as Record<string, unknown>;
  for (const name of JPK_ELEMENTS) {
    if (typeof fields[name] !== 'string') {
      throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered a <Sijil> whose <${name}> is ${fields[name] === undefined ? 'missing' : 'not text'}`);
    }
  }
  return fields as unknown as JpkRecord;
}

/** The `<Kod>` of a `<Ralat>` document, if the body is one. */
export function ralatKod(document: Record<string, unknown>): string | undefined {
  const ralatElement = document.Ralat as { Kod?: unknown } | undefined;
  return typeof ralatElement?.Kod === 'string' ? ralatElement.Kod : undefined;
}

export const imiError = (status: number, code: string, message?: string): NativeResponse => ({ status, json: { error: message === undefined ? { code } : { code, message } } });
export const imiNotFound = imiError(404, 'NOT_FOUND');
export const imiRateLimited = imiError(429, 'RATE_LIMITED');
export const imiBadRequest = (message: string) => imiError(400, 'INVALID_ARGUMENT', message);

/** The adapter's side: a 200 JSON object, or REGISTRY_PROTOCOL_ERROR naming the route and the registry's error code. */
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
