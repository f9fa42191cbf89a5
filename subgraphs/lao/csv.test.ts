import { describe, expect, it } from 'vitest';
import { CsvError, formatCsvRecord, parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads the published example row, with quoted commas', () => {
    const row = 'WP-VTE-2024-00871,C-2024-00871,"WANG, XIAOMING",E12345678,CHN,1987-05-06,"Lao-China Railway Co., Ltd.",ENT-0123,Vientiane Capital,Signal Engineer,2151,2024-03-01,2026-02-28,ACTIVE';
    expect(parseCsv(row)).toEqual([
      ['WP-VTE-2024-00871', 'C-2024-00871', 'WANG, XIAOMING', 'E12345678', 'CHN', '1987-05-06', 'Lao-China Railway Co., Ltd.', 'ENT-0123', 'Vientiane Capital', 'Signal Engineer', '2151', '2024-03-01', '2026-02-28', 'ACTIVE'],
    ]);
  });

  it('reads doubled quotes, line breaks inside quotes, empty fields and CRLF or LF record ends', () => {
    expect(parseCsv('a,"say ""hi""",\r\n"two\r\nlines",,""\nlast,"",x\n')).toEqual([
      ['a', 'say "hi"', ''],
      ['two\r\nlines', '', ''],
      ['last', '', 'x'],
    ]);
  });

  it('keeps UTF-8 text and drops a byte-order mark', () => {
    expect(parseCsv('\uFEFFname\r\nສົມພອນ\r\n')).toEqual([['name'], ['ສົມພອນ']]);
  });

  it('answers nothing for empty text and one empty field for a blank record', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('a\r\n\r\nb')).toEqual([['a'], [''], ['b']]);
  });

  it('refuses text that is not CSV, naming the line', () => {
    expect(() => parseCsv('a,b\r\nc,"truncated')).toThrow(new CsvError('quoted field is not closed before the end of the text', 2));
    expect(() => parseCsv('a,"b"c')).toThrow('line 1: expected a comma or the end of the record after a closing quote, got "c"');
    expect(() => parseCsv('a\nb"c"')).toThrow('line 2: a double quote inside an unquoted field');
    expect(() => parseCsv('"x\ny"\n"unclosed')).toThrow(/^line 3:/);
  });

  it('round-trips what formatCsvRecord writes', () => {
    const fields = ['plain', 'with, comma', 'with "quotes"', 'two\r\nlines', '', 'ສົມພອນ'];
    const text = `${formatCsvRecord(fields)}\r\n${formatCsvRecord(['x'])}\r\n`;
    expect(formatCsvRecord(fields)).toBe('plain,"with, comma","with ""quotes""","two\r\nlines",,ສົມພອນ');
    expect(parseCsv(text)).toEqual([fields, ['x']]);
  });
});
