import type { RegistryError } from '../../schema/errors/index.js';
import type { RegistryClient } from '../kit/registryClient.js';
import { normalizeDocumentNumber } from '../../schema/ids/index.js';
import { CsvError, parseCsv } from './csv.js';
import { MLSW_COLUMNS, MLSW_EXTRACT_PATH, MLSW_EXTRACT_ROUTE, type MlswRow } from './mlsw.native.js';

/**
 * The MLSW extract as an in-memory index: MLSW publishes no lookup, only a daily CSV of the whole
 * register, so this is the only way to answer about a permit. Contract: `current()` answers from
 * the newest extract that downloaded and parsed completely; the first call waits for the download,
 * later calls never do. At most every `refreshAfterMs` a call starts a conditional GET
 * (If-None-Match) in the background, under its own time budget (the download is slow by nature,
 * the lookups are not); concurrent refreshes share one download. A failed refresh
 * keeps the older index and marks its answers stale until a refresh succeeds again. A download
 * that is not the whole register (bad header, a row of the wrong width, an unterminated quote,
 * a repeated permit number) is refused as a protocol error, never half-indexed.
 */
export interface MlswExtract {
  /** The ETag that came with the download, sent back as If-None-Match. */
  etag: string | null;
  /** ISO instant the extract was generated (its Last-Modified). */
  generatedAt: string;
  byPermitNo: Map<string, MlswRow>;
  /** Rows by normalised travel-document number. */
  byDocument: Map<string, MlswRow[]>;
}

/** How old an answer is: when the extract was generated, when the registry last confirmed it, and whether the latest refresh failed. */
export interface ExtractStamp {
  generatedAt: string;
  /** ISO instant of the last download or 304 that confirmed this extract. */
  checkedAt: string;
  stale: boolean;
}

/** What lookups answer from. */
export interface ExtractView extends ExtractStamp {
  extract: MlswExtract;
}

type ExtractState =
  | { phase: 'empty' }
  | { phase: 'loaded'; extract: MlswExtract; checkedAt: string; failure: RegistryError | null };

export interface ExtractIndexOptions {
  /** Least time between two refresh attempts. */
  refreshAfterMs?: number;
  /** The download's own time budget, in place of the client's (retries and Retry-After waits included). */
  downloadTimeoutMs?: number;
  now?: () => number;
}

/** The extract changes once a day; checking every ten minutes bounds an answer's lag without hammering a slow download (a 304 costs no parse). */
export const DEFAULT_REFRESH_AFTER_MS = 10 * 60_000;

/**
 * The specification says the download takes 1–3 s, which the client's budget for a lookup (2.5 s
 * by default) does not always cover. Two attempts of up to 3 s each (the client retries a 503
 * once) fit in 7 s. Only the download gets this budget: lookups answer from the index and wait for
 * a download only when there is no index yet.
 */
export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 7000;

type Fail = (message: string) => Error;

/** Parses and indexes one downloaded extract. */
export function indexExtract(csv: string, meta: { etag: string | null; generatedAt: string }, fail: Fail): MlswExtract {
  let records: string[][];
  try {
    records = parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvError) throw fail(`the extract is not RFC 4180 CSV: ${error.message}`);
    throw error;
  }
  const [header, ...rows] = records;
  if (header === undefined || header.join(',') !== MLSW_COLUMNS.join(',')) {
    throw fail(`the extract's header is ${JSON.stringify(header?.join(',') ?? '')}, expected ${JSON.stringify(MLSW_COLUMNS.join(','))}`);
  }
  const byPermitNo = new Map<string, MlswRow>();
  const byDocument = new Map<string, MlswRow[]>();
  rows.forEach((fields, i) => {
    // Row numbers count the header as row 1, as a spreadsheet would show them.
    if (fields.length !== MLSW_COLUMNS.length) throw fail(`row ${i + 2} has ${fields.length} fields, expected ${MLSW_COLUMNS.length}`);
    const row = Object.fromEntries(MLSW_COLUMNS.map((column, c) => [column, fields[c]])) as MlswRow;
    if (byPermitNo.has(row.permit_no)) throw fail(`row ${i + 2} repeats permit ${JSON.stringify(row.permit_no)}`);
    byPermitNo.set(row.permit_no, row);
    const document = normalizeDocumentNumber(row.passport);
    byDocument.set(document, [...(byDocument.get(document) ?? []), row]);
  });
  return { etag: meta.etag, generatedAt: meta.generatedAt, byPermitNo, byDocument };
}

export class MlswExtractIndex {
  private state: ExtractState = { phase: 'empty' };
  private inFlight: Promise<MlswExtract> | null = null;
  private attemptedAt = Number.NEGATIVE_INFINITY;
  private readonly refreshAfterMs: number;
  private readonly downloadTimeoutMs: number;
  private readonly now: () => number;

  constructor(
    private readonly client: RegistryClient,
    options: ExtractIndexOptions = {},
  ) {
    this.refreshAfterMs = options.refreshAfterMs ?? DEFAULT_REFRESH_AFTER_MS;
    this.downloadTimeoutMs = options.downloadTimeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS;
    this.now = options.now ?? Date.now;
  }

  async current(): Promise<ExtractView> {
    if (this.state.phase === 'empty') await this.refresh();
    else if (this.now() - this.attemptedAt >= this.refreshAfterMs) {
      // Answer from the index in hand; the failure, if any, is kept in the state and shows as `stale`.
      this.refresh().catch(() => undefined);
    }
    const state = this.state as Extract<ExtractState, { phase: 'loaded' }>;
    return { extract: state.extract, generatedAt: state.extract.generatedAt, checkedAt: state.checkedAt, stale: state.failure !== null };
  }

  /** Downloads the extract if it changed; callers arriving during a download share it. */
  refresh(): Promise<MlswExtract> {
    if (this.inFlight) return this.inFlight;
    this.attemptedAt = this.now();
    this.inFlight = this.download()
      .then(
        (extract) => {
          this.state = { phase: 'loaded', extract, checkedAt: new Date(this.now()).toISOString(), failure: null };
          return extract;
        },
        (error: RegistryError) => {
          if (this.state.phase === 'loaded') this.state = { ...this.state, failure: error };
          throw error;
        },
      )
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  private async download(): Promise<MlswExtract> {
    const fail: Fail = (message) => this.client.error('REGISTRY_PROTOCOL_ERROR', `${MLSW_EXTRACT_ROUTE}: ${message}`);
    const previous = this.state.phase === 'loaded' ? this.state.extract : null;
    const response = await this.client.request(MLSW_EXTRACT_PATH, {
      route: MLSW_EXTRACT_ROUTE,
      accept: 'text/csv',
      headers: previous?.etag ? { 'if-none-match': previous.etag } : {},
      timeoutMs: this.downloadTimeoutMs,
    });
    if (response.status === 304) {
      if (!previous?.etag) throw fail('answered 304 Not Modified to a request without If-None-Match');
      return previous;
    }
    if (response.status !== 200) throw fail(`answered ${response.status}: ${response.text.slice(0, 200)}`);
    const etag = response.headers.get('etag');
    // A registry that ignores If-None-Match still names its version: the same ETag is the same extract, not worth parsing again.
    if (previous && etag !== null && etag === previous.etag) return previous;
    const lastModified = response.headers.get('last-modified');
    const generatedAt = lastModified === null ? Number.NaN : Date.parse(lastModified);
    if (Number.isNaN(generatedAt)) throw fail(`answered 200 without a Last-Modified date (got ${JSON.stringify(lastModified)}), so the extract's age cannot be told`);
    return indexExtract(response.text, { etag, generatedAt: new Date(generatedAt).toISOString() }, fail);
  }
}
