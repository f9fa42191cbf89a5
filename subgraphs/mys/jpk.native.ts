/**
 * The JPK `<Sijil>` record exactly as subgraphs/mys/README.md publishes it: one property per
 * element, every value the element's text (fixture files hold this object, one per line).
 */
export interface JpkRecord {
  NoSijil: string;
  NamaPemegang: string;
  /** MyKad number (12 digits) for Malaysian citizens; empty for foreigners. */
  NoKP: string;
  /** Empty for a citizen who holds no passport. */
  NoPasport: string;
  /** ISO 3166-1 alpha-3. */
  Warganegara: string;
  /** YYYYMMDD. */
  TarikhLahir: string;
  /** SKM (Tahap 1-3), DKM (Tahap 4) or DLKM (Tahap 5). */
  JenisSijil: string;
  Tahap: string;
  KodNOSS: string;
  NamaProgram: string;
  /** MASCO 2020, e.g. `7212-01`. */
  KodMASCO: string;
  PusatBertauliah: string;
  /** PB (accredited centre), PPT (recognition of prior achievement) or SLDN (national dual training). */
  Laluan: string;
  /** YYYYMMDD. Certificates do not expire. */
  TarikhKeluar: string;
  /** SAH, BATAL or GANTUNG. */
  Status: string;
}

/** The element order of `<Sijil>`, as the specification writes it. */
export const JPK_ELEMENTS = [
  'NoSijil', 'NamaPemegang', 'NoKP', 'NoPasport', 'Warganegara', 'TarikhLahir', 'JenisSijil', 'Tahap', 'KodNOSS',
  'NamaProgram', 'KodMASCO', 'PusatBertauliah', 'Laluan', 'TarikhKeluar', 'Status',
] as const satisfies ReadonlyArray<keyof JpkRecord>;


/** MyKad numbers are 12 digits (the `?noKP=` search takes nothing else). */
export const MYKAD_NO = /^\d{12}$/;
