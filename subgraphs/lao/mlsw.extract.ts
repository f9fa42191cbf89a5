// The MLSW extract as an in-memory index (subgraphs/lao/README.md): MLSW publishes no lookup, only a
// daily CSV of the whole register, so this is the only way to answer about a permit. Contract:
// `current()` answers from the newest extract that downloaded completely; the first call waits for
// the download, later calls never do. At most every `refreshAfterMs` a call starts a conditional GET
// (If-None-Match) in the background, under its own time budget (the download is slow by nature, the
// lookups are not); concurrent refreshes share one download. A failed refresh keeps the older index
// and marks its answers stale until a refresh succeeds again. The reader is tolerant as RFC 4180
// allows: blank lines are skipped, the header's case and column order do not matter, a row that is
// not CSV or has the wrong number of fields is kept as unreadable for its own permit only, and a
// permit repeated for a renewal is the row issued last. Only an extract that is not the register at
// all (no header, a missing column, a truncated download) is refused whole.
import type { RegistryError } from '../../schema/errors/index.js';
import type { RegistryClient } from '../kit/registryClient.js';
import { normalizeDocumentNumber } from '../../schema/ids/index.js';
import { CsvError, readCsvRecords } from './csv.js';
import { MLSW_COLUMNS, MLSW_EXTRACT_PATH, MLSW_EXTRACT_ROUTE, type MlswRow } from './mlsw.native.js';

/** One permit of the extract: its row, and why the row cannot be read when it cannot (named by its `permit_no`). */
export interface MlswEntry {
  row: MlswRow;
  /** Row numbers count the header as row 1, as a spreadsheet shows them. */
  rowNumber: number;
  problem: string | null;
}

export interface MlswExtract {
  /** The ETag that came with the download, sent back as If-None-Match. */
  etag: string | null;
  /** ISO instant the extract was generated (its Last-Modified). */
  generatedAt: string;
  /** The current row of every permit, in the extract's order. */
  byPermitNo: Map<string, MlswEntry>;
  /** Permits by normalised travel-document number. */
  byDocument: Map<string, MlswEntry[]>;
  /** Rows that name no permit number, so cannot be kept even as unreadable (counted for the logs). */
  nameless: number;
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

/** The header's column names, compared without case or surrounding space. */
const headerKey = (name: string) => name.trim().toLowerCase();

/** Which row wins for a permit number that appears twice: the one issued last (a renewal), else the later row. */
function laterOf(a: MlswEntry, b: MlswEntry): MlswEntry {
  if (a.problem === null && b.problem === null && a.row.issued !== b.row.issued) return a.row.issued > b.row.issued ? a : b;
  if (a.problem !== null && b.problem === null) return b;
  if (b.problem !== null && a.problem === null) return a;
  return b;
}

/** Parses and indexes one downloaded extract. */
export function indexExtract(csv: string, meta: { etag: string | null; generatedAt: string }, fail: Fail): MlswExtract {
  let records;
  try {
    records = readCsvRecords(csv);
  } catch (error) {
    if (error instanceof CsvError) throw fail(`the extract is not RFC 4180 CSV: ${error.message}`);
    throw error;
  }
  const blank = (fields: string[]) => fields.every((field) => field.trim() === '');
  const [header, ...rows] = records.map((record, i) => ({ ...record, rowNumber: i + 1 })).filter((record) => !blank(record.fields));
  const positions = new Map((header?.problem === undefined ? header?.fields ?? [] : []).map((name, i) => [headerKey(name), i] as const));
  const missing = MLSW_COLUMNS.filter((column) => !positions.has(column));
  if (header === undefined || missing.length > 0) {
    throw fail(`the extract's header is ${JSON.stringify(header?.fields.join(',') ?? '')}, which lacks ${missing.join(', ')} (expected ${JSON.stringify(MLSW_COLUMNS.join(','))})`);
  }
  const width = header.fields.length;
  // RFC 4180 lets the last record end without a line break, but a short one there is a download cut off mid-row: no row of it can be trusted to be whole.
  const last = rows.at(-1);
  if (last !== undefined && !/[\r\n]$/.test(csv) && last.fields.length < width) {
    throw fail(`the extract ends inside row ${last.rowNumber} (${last.fields.length} of ${width} fields, no final line break): a truncated download`);
  }
  const byPermitNo = new Map<string, MlswEntry>();
  let nameless = 0;
  for (const record of rows) {
    const row = Object.fromEntries(MLSW_COLUMNS.map((column) => [column, record.fields[positions.get(column)!] ?? ''])) as MlswRow;
    const { rowNumber } = record;
    const problem = record.problem ?? (record.fields.length !== width ? `row ${rowNumber} has ${record.fields.length} fields, expected ${width}` : null);
    if (row.permit_no === '') {
      nameless += 1;
      continue;
    }
    const entry: MlswEntry = { row, rowNumber, problem };
    const held = byPermitNo.get(row.permit_no);
    byPermitNo.set(row.permit_no, held ? laterOf(held, entry) : entry);
  }
  const byDocument = new Map<string, MlswEntry[]>();
  for (const entry of byPermitNo.values()) {
    if (entry.row.passport === '') continue;
    const document = normalizeDocumentNumber(entry.row.passport);
    byDocument.set(document, [...(byDocument.get(document) ?? []), entry]);
  }
  return { etag: meta.etag, generatedAt: meta.generatedAt, byPermitNo, byDocument, nameless };
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
