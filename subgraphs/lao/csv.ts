// RFC 4180 CSV, the format of the MLSW extract (subgraphs/lao/README.md): comma separator, records
// ending in CRLF (LF is accepted too), fields optionally in double quotes, in which commas, line
// breaks and doubled quotes (`""`) are text. `readCsvRecords` is the tolerant reader: a record that
// breaks the quoting rules is kept with its problem and the reader resumes at the next line, so a
// bad row costs only itself; only a quote left open at the end of the text (a truncated download,
// where no record boundary can be trusted) fails the whole text. `parseCsv` is the strict reading.
export class CsvError extends Error {
  constructor(message: string, readonly line: number) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvError';
  }
}

/** One record of the text: its fields, the line it starts on, and what is wrong with it, if anything. */
export interface CsvRecord {
  fields: string[];
  line: number;
  problem?: string;
}

export function readCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let line = 1;
  let start = 1;
  let problem: string | undefined;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (i >= text.length) return records;

  const skipToLineEnd = () => {
    while (i < text.length && text[i] !== '\r' && text[i] !== '\n') i += 1;
  };

  for (;;) {
    let field = '';
    if (text[i] === '"') {
      // A quoted field runs to the next quote that is not doubled.
      const opened = line;
      for (i += 1; ; i += 1) {
        if (i >= text.length) throw new CsvError('quoted field is not closed before the end of the text', opened);
        if (text[i] === '"') {
          if (text[i + 1] !== '"') break;
          i += 1;
        } else if (text[i] === '\n') {
          line += 1;
        }
        field += text[i];
      }
      i += 1;
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        problem ??= `line ${line}: expected a comma or the end of the record after a closing quote, got ${JSON.stringify(next)}`;
        skipToLineEnd();
      }
    } else {
      for (; i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n'; i += 1) {
        if (text[i] === '"') {
          problem ??= `line ${line}: a double quote inside an unquoted field`;
          skipToLineEnd();
          break;
        }
        field += text[i];
      }
    }
    fields.push(field);

    const separator = text[i];
    if (separator === ',') {
      i += 1;
      continue;
    }
    records.push(problem === undefined ? { fields, line: start } : { fields, line: start, problem });
    fields = [];
    problem = undefined;
    if (separator === undefined) break;
    i += separator === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line += 1;
    start = line;
    // A line break after the last record ends the text; it does not open an empty record.
    if (i >= text.length) break;
  }
  return records;
}

/** Every record of the text, fields unquoted, or a CsvError naming the line where the text stops being CSV. */
export function parseCsv(text: string): string[][] {
  return readCsvRecords(text).map((record) => {
    if (record.problem !== undefined) {
      const [, line, message] = /^line (\d+): (.*)$/s.exec(record.problem)!;
      throw new CsvError(message, Number(line));
    }
    return record.fields;
  });
}

/** One record as RFC 4180 text (without the line break): fields holding a comma, a quote or a line break are quoted. */
export function formatCsvRecord(fields: readonly string[]): string {
  return fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field)).join(',');
}
