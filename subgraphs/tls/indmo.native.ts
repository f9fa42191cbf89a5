// The INDMO certificate record exactly as subgraphs/tls/README.md publishes it, and where INDMO keeps it.
import { tlsCollection } from './registryApi.js';

/** One certificate as INDMO sends it. */
export interface IndmoRecord {
  numeroCertificado: string;
  nomeCompleto: string;
  /** Timorese identity card (bilhete de identidade): citizens only, null for anyone else. */
  bi?: string | null;
  /** May be absent or null for a citizen who has no passport (the registry is also searchable by `bi`). */
  passaporte?: string | null;
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

/** Where INDMO keeps certificates, what it calls their number, and the `erro` of its not-found 404, exactly as the specification writes it. */
export const INDMO_API = tlsCollection('/indmo/certificados', 'numeroCertificado', 'certificate', 'Certificado não encontrado');
