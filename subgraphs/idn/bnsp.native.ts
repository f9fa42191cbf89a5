/** The BNSP record exactly as subgraphs/idn/README.md publishes it. */
export interface BnspRecord {
  nomor_sertifikat: string;
  nomor_registrasi: string;
  nama_lengkap: string;
  nik: string | null;
  nomor_paspor: string | null;
  kewarganegaraan: 'WNI' | 'WNA';
  negara_asal?: string;
  tanggal_lahir: string;
  skema: { kode: string; nama: string; jenis: 'KKNI' | 'OKUPASI' | 'KLASTER' };
  jenjang_kkni: number | null;
  kode_kbji: string;
  lsp: { kode: string; nama: string };
  tuk: string | null;
  rekomendasi: 'K';
  tanggal_terbit: string;
  berlaku_sampai: string;
  status: 'AKTIF' | 'KEDALUWARSA' | 'DIBEKUKAN' | 'DICABUT';
}

export const BNSP_NUMBER = /^\d{5}\.\d{4}\.\d\.\d{7}\.\d{4}$/;
