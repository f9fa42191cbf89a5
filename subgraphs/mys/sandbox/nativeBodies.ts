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

/**
 * The variations XML allows that mean the same document, one per certificate (by its number, so
 * the same every time): plain; every element namespace-prefixed; empty elements written
 * `xsi:nil="true"` and characters beyond ASCII as numeric character references.
 */
type Variant = 'plain' | 'namespaced' | 'nil-and-references';
const VARIANTS: Variant[] = ['plain', 'namespaced', 'nil-and-references'];
const variantOf = (record: JpkRecord): Variant => VARIANTS[[...record.NoSijil].reduce((sum, c) => sum + c.charCodeAt(0), 0) % VARIANTS.length];

/** One `<Sijil>` element, elements in the published order, in the certificate's variant. */
function sijilElement(record: JpkRecord): string {
  const plain = builder.build({ Sijil: inSpecOrder(record) }) as string;
  switch (variantOf(record)) {
    case 'namespaced':
      return plain.replace(/<(\/?)(\w+)>/g, '<$1j:$2>').replace('<j:Sijil>', '<j:Sijil xmlns:j="urn:jpk:sijil">');
    case 'nil-and-references':
      return plain
        .replace('<Sijil>', '<Sijil xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">')
        .replace(/<(\w+)><\/\1>/g, '<$1 xsi:nil="true"/>')
        .replace(/[^\x00-\x7f]/gu, (c) => `&#${c.codePointAt(0)};`);
    default:
      return plain;
  }
}

export function sijilXml(record: JpkRecord): string {
  return XML_DECLARATION + sijilElement(record);
}

/** `<SenaraiSijil>` with optional attributes (the search's `jumlah`, `mula`, `bil`). */
export function senaraiSijilXml(records: JpkRecord[], attributes: Record<string, number> = {}): string {
  const attrs = Object.entries(attributes).map(([name, value]) => ` ${name}="${value}"`).join('');
  return `${XML_DECLARATION}<SenaraiSijil${attrs}>${records.map(sijilElement).join('')}</SenaraiSijil>`;
}

const ralat = (status: number, kod: string, mesej?: string): NativeResponse => ({ status, xml: XML_DECLARATION + builder.build({ Ralat: mesej === undefined ? { Kod: kod } : { Kod: kod, Mesej: mesej } }) });
export const jpkNotFound = ralat(404, 'TIADA', 'Sijil tidak dijumpai');
export const jpkRateLimited = ralat(429, 'HAD');
export const jpkBadRequest = (mesej: string) => ralat(400, 'PARAMETER', mesej);

export const imiError = (status: number, code: string, message?: string): NativeResponse => ({ status, json: { error: message === undefined ? { code } : { code, message } } });
export const imiNotFound = imiError(404, 'NOT_FOUND');
export const imiRateLimited = imiError(429, 'RATE_LIMITED');
export const imiBadRequest = (message: string) => imiError(400, 'INVALID_ARGUMENT', message);
