// Singapore identity numbers as subgraphs/sgp/README.md publishes them: NRIC (S, T) for citizens
// and permanent residents, FIN (F, G, M) for foreigners holding a pass. S, T, F and G end in a
// check letter (seven digits weighted 2,7,6,5,4,3,2, plus 0 for S/F or 4 for T/G, mod 11, read from
// the series' table); M-series FINs (issued from 2022) are checked by format only. PDPA treats FINs
// like NRIC numbers, so GraphQL gives them only in the masked form Singapore accepts (the full
// number travels with a record for identity matching only, in `holderOtherDocumentNumbers`).

export const SINGAPORE_ID = /^[STFGM]\d{7}[A-Z]$/;

const WEIGHTS = [2, 7, 6, 5, 4, 3, 2];
const CHECKSUM: Record<string, { offset: number; letters: string }> = {
  S: { offset: 0, letters: 'JZIHGFEDCBA' },
  T: { offset: 4, letters: 'JZIHGFEDCBA' },
  F: { offset: 0, letters: 'XWUTRQPNMLK' },
  G: { offset: 4, letters: 'XWUTRQPNMLK' },
};

export type SingaporeIdType = 'NRIC' | 'FIN';

/** The check letter of an S, T, F or G number's prefix and seven digits; null for the M series, which has none. */
export function checkLetter(series: string, digits: string): string | null {
  const rule = CHECKSUM[series];
  if (!rule) return null;
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(digits[i]), rule.offset);
  return rule.letters[sum % 11];
}

/** Why a number is not a well-formed NRIC or FIN, or null when it is. */
export function singaporeIdProblem(id: string): string | null {
  if (!SINGAPORE_ID.test(id)) return `expected an NRIC or FIN as a letter S, T, F, G or M, seven digits and a letter, got ${JSON.stringify(id)}`;
  const expected = checkLetter(id[0], id.slice(1, 8));
  if (expected !== null && id[8] !== expected) return `${id} fails the ${id[0]}-series checksum: its last letter should be ${expected}`;
  return null;
}

export function isSingaporeId(id: string): boolean {
  return singaporeIdProblem(id) === null;
}

export function singaporeIdType(id: string): SingaporeIdType {
  return id[0] === 'S' || id[0] === 'T' ? 'NRIC' : 'FIN';
}

/** Singapore's accepted partial form: the last three digits and the letter (`G1234567X` → `*****567X`). */
export function maskSingaporeId(id: string): string {
  return `*****${id.slice(-4)}`;
}
