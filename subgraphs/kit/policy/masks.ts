// How identifiers are masked when a policy releases them in part. Each mask keeps what the owner's
// practice accepts as a partial form and stars the rest.

/** Singapore's accepted partial form of an NRIC or FIN (PDPC advisory guidelines on NRIC numbers): the last three digits and the letter, `*****567D`; a number without a final letter keeps its last three digits. */
function last3AndLetter(value: string): string {
  const kept = /\d{3}[A-Z]?$/.exec(value)?.[0] ?? value.slice(-3);
  return '*'.repeat(Math.max(value.length - kept.length, 1)) + kept;
}

export const MASKS = { LAST3_AND_LETTER: last3AndLetter } as const satisfies Record<string, (value: string) => string>;

export type MaskName = keyof typeof MASKS;
