/** The INDMO certificate record exactly as subgraphs/tls/README.md publishes it. */
export interface IndmoRecord {
  numeroCertificado: string;
  nomeCompleto: string;
  /** Timorese identity card (bilhete de identidade): citizens only, null for anyone else. */
  bi: string | null;
  /** Null for a citizen who has no passport (the registry is also searchable by `bi`). */
  passaporte: string | null;
  /** The Portuguese name of the holder's country (`Timor-Leste`, `Indonésia`, …). */
  nacionalidade: string;
  /** DD/MM/YYYY, like every date of both Timorese registries. */
  dataNascimento: string;
  qualificacao: string;
  /** `Certificado I` … `Certificado IV`. */
  nivel: string;
  area: string;
  codigoISCO: string;
  centroFormacao: string;
  dataEmissao: string;
  /** Certificates do not expire: `válido` until `revogado`. */
  estado: string;
}

/** The specification shows `INDMO-CII-2024-0345` (level in Roman numerals, year, serial) and publishes no pattern; this is the shape of that example. */
export const INDMO_CERTIFICATE_NO = /^INDMO-C(?:I{1,3}|IV)-\d{4}-\d{4}$/;

/** Where INDMO keeps certificates, what it calls their number, and the `erro` of its not-found 404, exactly as the specification writes it. */
export const INDMO_API = { collection: '/indmo/certificados', number: 'numeroCertificado', what: 'certificate', notFound: 'Certificado não encontrado' } as const;
