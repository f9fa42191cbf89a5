import table from './aepDemonyms.json' with { type: 'json' };

/** DOLE AEP demonyms (`JAPANESE`) ⇄ ISO alpha-3, from the list the specification publishes. */
const toIso = table.demonyms as Record<string, string>;
const toDemonym = Object.fromEntries(Object.entries(toIso).map(([demonym, iso]) => [iso, demonym]));

export function isoFromDemonym(demonym: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(toIso, demonym) ? toIso[demonym] : undefined;
}

export function demonymFromIso(iso: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(toDemonym, iso) ? toDemonym[iso] : undefined;
}
