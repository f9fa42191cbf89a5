/** The SEFOPE work-authorisation record exactly as subgraphs/tls/README.md publishes it. */
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
  dataInicio: string;
  dataFim: string;
  /** `pendente`, `ativa`, `caducada` (expired) or `cancelada`. */
  estado: string;
}

/**
 * The specification shows `SEFOPE/AT/2025/0099` (work authorisation, year, serial) and publishes
 * no pattern; this is the shape of that example. Its slashes must be percent-encoded in a path.
 */
export const SEFOPE_NUMBER = /^SEFOPE\/AT\/\d{4}\/\d{4}$/;

/** Where SEFOPE keeps authorisations, what it calls their number, and the `erro` of its not-found 404, exactly as the specification writes it. */
export const SEFOPE_API = { collection: '/sefope/autorizacoes', number: 'numero', what: 'authorisation', notFound: 'Autorização não encontrada' } as const;
