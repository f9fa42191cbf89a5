/**
 * RFC 4180 CSV, the format of the MLSW extract: comma separator, records ending in CRLF (LF is
 * accepted too), fields optionally in double quotes, in which commas, line breaks and doubled
 * quotes (`""`) are text. Contract of `parseCsv`: every record of the text, fields unquoted, or a
 * CsvError naming the line where the text stops being CSV (an unterminated quote is a truncated
 * download, never a short last field).
 */
export class CsvError extends Error {
  constructor(message: string, readonly line: number) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvError';
  }
}

export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (i >= text.length) return records;

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
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') throw new CsvError(`expected a comma or the end of the record after a closing quote, got ${JSON.stringify(next)}`, line);
    } else {
      for (; i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n'; i += 1) {
        if (text[i] === '"') throw new CsvError('a double quote inside an unquoted field', line);
        field += text[i];
      }
    }
    record.push(field);

    const separator = text[i];
    if (separator === ',') {
      i += 1;
      continue;
    }
    records.push(record);
    record = [];
    if (separator === undefined) break;
    i += separator === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line += 1;
    // A line break after the last record ends the text; it does not open an empty record.
    if (i >= text.length) break;
  }
  return records;
}

/** One record as RFC 4180 text (without the line break): fields holding a comma, a quote or a line break are quoted. */
export function formatCsvRecord(fields: readonly string[]): string {
  return fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field)).join(',');
}
