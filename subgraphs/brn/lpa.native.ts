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

/** The specification shows `LPA/2025/0456` (year, serial) and publishes no pattern; this is the shape of that example. */
export const LPA_LICENCE_NO = /^LPA\/\d{4}\/\d{4}$/;

/**
 * A permit's native id: the licence number and the line number (`baris`), which together are the
 * worker's identity on the licence according to the specification; written `LPA/2025/0456/1`,
 * since the specification gives no joined form and a licence number never has a fourth segment.
 */
export const LPA_PERMIT_ID = /^(LPA\/\d{4}\/\d{4})\/([1-9]\d*)$/;

export function permitIdOf(noLesen: string, baris: number): string {
  return `${noLesen}/${baris}`;
}

/** The licence and line of a permit id, or null for anything else. */
export function parsePermitId(id: string): { noLesen: string; baris: number } | null {
  const match = LPA_PERMIT_ID.exec(id);
  return match ? { noLesen: match[1], baris: Number(match[2]) } : null;
}
