// DOLE AEP writes nationality as an English demonym in capitals (subgraphs/phl/README.md). The
// demonyms of every state come from the maintained data set (schema/countries/demonyms.json); the
// twenty DOLE publishes are its own spellings (aepDemonyms.json) and come first, both ways.
import { alpha3FromDemonym, demonymOf } from '../../schema/countries/index.js';
import table from './aepDemonyms.json' with { type: 'json' };

const OWN: Readonly<Record<string, string>> = table.demonyms;

/** The alpha-3 code of a DOLE demonym, or undefined when no data names exactly one state. */
export function isoFromDemonym(demonym: string): string | undefined {
  return typeof demonym === 'string' ? alpha3FromDemonym(demonym, OWN) : undefined;
}

/** The demonym DOLE is asked with for a nationality, or undefined when no data gives one. */
export function demonymFromIso(iso: string): string | undefined {
  return demonymOf(iso, OWN);
}
