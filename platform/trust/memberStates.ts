// The member states a token may act for: the ten ASEAN members and Timor-Leste (admitted 2025),
// ISO 3166-1 alpha-3 as every Rantau id writes them.
export const MEMBER_STATES = ['BRN', 'KHM', 'IDN', 'LAO', 'MYS', 'MMR', 'PHL', 'SGP', 'THA', 'TLS', 'VNM'] as const;

export function isMemberStateCode(code: string): boolean {
  return (MEMBER_STATES as readonly string[]).includes(code);
}
