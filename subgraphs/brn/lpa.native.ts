/** The Department of Labour foreign-worker licence (Lesen Pekerja Asing) exactly as subgraphs/brn/README.md publishes it. */
export interface LpaLicence {
  noLesen: string;
  /** The licence is issued to the employer, not to the worker. */
  majikan: { nama: string; noPendaftaran: string };
  sektor: string;
  tarikhKeluar: string;
  tarikhTamat: string;
  statusLesen: LpaStatus;
  pekerja: LpaWorkerLine[];
}

/** One worker covered by a licence: this line is the worker's permit. */
export interface LpaWorkerLine {
  baris: number;
  nama: string;
  noPasport: string;
  /** ISO 3166-1 alpha-3. */
  warganegara: string;
  tarikhLahir: string;
  jawatan: string;
  kodISCO: string;
  /** The worker's green (foreign resident) identity card, `NN-NNNNNN`. */
  noICHijau: string;
  mula: string;
  tamat: string;
  status: LpaStatus;
}

export type LpaStatus = 'DIPROSES' | 'AKTIF' | 'TAMAT' | 'DIBATALKAN';

/**
 * A permit's native id: the licence number and the line number (`baris`), which together are the
 * worker's identity on the licence according to the specification; written `LPA/2025/0456/1`,
 * since the specification gives no joined form. The line number is whatever follows the last `/`.
 */
export function permitIdOf(noLesen: string, baris: number): string {
  return `${noLesen}/${baris}`;
}

/** The licence and line of a permit id, or null when it cannot name a line (no `/`, or no line number, written as permitIdOf writes it, after the last one). */
export function parsePermitId(id: string): { noLesen: string; baris: number } | null {
  const slash = id.lastIndexOf('/');
  // Line numbers are written as integers without leading zeros (permitIdOf), so `LPA/2025/0456` names no line.
  if (slash <= 0 || !/^(0|-?[1-9]\d*)$/.test(id.slice(slash + 1))) return null;
  return { noLesen: id.slice(0, slash), baris: Number(id.slice(slash + 1)) };
}
