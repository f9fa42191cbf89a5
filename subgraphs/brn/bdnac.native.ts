/** The BDNAC certificate record exactly as subgraphs/brn/README.md publishes it. */
export interface BdnacRecord {
  noSijil: string;
  nama: string;
  /** Brunei identity card `NN-NNNNNN`. */
  noIC: string;
  /** The identity card's colour: KUNING (citizen), UNGU (permanent resident), HIJAU (foreign resident). */
  warnaIC: 'KUNING' | 'UNGU' | 'HIJAU';
  /** Null where the registry recorded no passport (citizens are identified by their IC). */
  noPasport: string | null;
  /** ISO 3166-1 alpha-3. */
  warganegara: string;
  tarikhLahir: string;
  kelayakan: string;
  tahapBDQF: number;
  bidang: string;
  kodISCO: string;
  institusi: string;
  tarikhKeluar: string;
  /** Certificates do not expire: SAH (valid) or BATAL (withdrawn). */
  status: 'SAH' | 'BATAL';
}

