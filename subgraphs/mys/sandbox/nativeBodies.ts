// The wire bodies the simulated Malaysian registries write (subgraphs/mys/README.md): JPK's XML
// documents and the Immigration Department's error bodies. Neither specification gives a 400 body;
// JPK's `PARAMETER` and IMI's `INVALID_ARGUMENT`, each with a message, follow the style of the
// bodies they do give.
import { XMLBuilder } from 'fast-xml-parser';
import type { NativeResponse } from '../../../sandbox/simulator/simulator.js';
import { JPK_ELEMENTS, type JpkRecord } from '../jpk.native.js';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' });

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

export const imiError = (status: number, code: string, message?: string): NativeResponse => ({ status, json: { error: message === undefined ? { code } : { code, message } } });
export const imiNotFound = imiError(404, 'NOT_FOUND');
export const imiRateLimited = imiError(429, 'RATE_LIMITED');
export const imiBadRequest = (message: string) => imiError(400, 'INVALID_ARGUMENT', message);
