// The SEFOPE work-authorisation record exactly as subgraphs/tls/README.md publishes it, and where
// SEFOPE keeps it.
import { tlsCollection } from './registryApi.js';

/** One authorisation as SEFOPE sends it. */
export interface SefopeRecord {
  numero: string;
  nome: string;
  passaporte: string;
  /** The Portuguese name of the holder's country (`Portugal`, `Indonésia`, …). */
  nacionalidade: string;
  /** DD/MM/YYYY, like every date of both Timorese registries. */
  dataNascimento: string;
  funcao: string;
  codigoISCO: string;
  entidadeEmpregadora: string;
  sector: string;
  /** Absent or null while the authorisation is pending (`pendente`). */
  dataInicio?: string | null;
  dataFim?: string | null;
  /** `pendente`, `ativa`, `caducada` (expired) or `cancelada`. */
  estado: string;
}

/**
 * How a number goes into the path, as SEFOPE's documented URLs show it: the number's own slashes
 * are path separators (`/sefope/autorizacoes/SEFOPE/AT/2025/0099`); anything else in a segment is
 * percent-encoded.
 */
export const sefopePathOf = (numero: string): string => numero.split('/').map(encodeURIComponent).join('/');

/** Where SEFOPE keeps authorisations, what it calls their number, and the `erro` of its not-found 404, exactly as the specification writes it. */
export const SEFOPE_API = tlsCollection('/sefope/autorizacoes', 'numero', 'authorisation', 'Autorização não encontrada', sefopePathOf);
