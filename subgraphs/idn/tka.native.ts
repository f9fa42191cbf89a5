/** The Kemnaker TKA Online record exactly as subgraphs/idn/README.md publishes it. */
export interface TkaRecord {
  nomor_pengesahan: string;
  nama_tka: string;
  paspor: string;
  kewarganegaraan: string;
  tanggal_lahir: string;
  jabatan: string;
  kode_kbji: string;
  pemberi_kerja: { nama: string; npwp: string; kbli: string };
  lokasi_kerja: string;
  pendamping: string | null;
  tanggal_mulai: string;
  tanggal_berakhir: string;
  status: 'DIAJUKAN' | 'DISAHKAN' | 'DIPERPANJANG' | 'BERAKHIR' | 'DIBATALKAN';
}

/** The specification shows `KEP.23145/PPTKA/PTK/2024` and publishes no pattern; this is the shape of that example. */
export const TKA_NUMBER = /^KEP\.\d{1,6}\/[A-Z]+\/[A-Z]+\/\d{4}$/;
