import { describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { parseCodes, requestFor, STATISTICS, tableOf, type Choice } from './statistics.js';
import { csvFileName, toCsv } from './csv.js';

const FRESH = [
  { country: 'THA', indexedAt: '2026-12-01T10:00:00.000Z', available: true },
  { country: 'LAO', indexedAt: null, available: false },
];

describe('what the analyst page asks', () => {
  it('sends one well-formed document per statistic with the chosen dimensions and only the filters set', () => {
    for (const statistic of Object.values(STATISTICS)) expect(() => parse(statistic.document)).not.toThrow();
    const choice: Choice = { statistic: 'permits', groupBy: ['NATIONALITY', 'PERMIT_CLASS'], filter: { hostCountries: ['THA'], statuses: ['ACTIVE'] } };
    expect(requestFor(choice).variables).toEqual({ groupBy: ['NATIONALITY', 'PERMIT_CLASS'], filter: { hostCountries: ['THA'], statuses: ['ACTIVE'] } });
    expect(requestFor({ ...choice, filter: {} }).variables.filter).toBeUndefined();
  });

  it('asks corridors for a day and by class unless told to sum the classes', () => {
    expect(requestFor({ statistic: 'corridors', groupBy: [], filter: {}, activeOn: '', byClass: true }).variables).toEqual({ activeOn: undefined, byClass: true, filter: undefined });
    expect(requestFor({ statistic: 'corridors', groupBy: [], filter: { origins: ['MMR'] }, activeOn: '2026-06-30', byClass: false }).variables).toEqual({ activeOn: '2026-06-30', byClass: false, filter: { origins: ['MMR'] } });
  });

  it('reads country codes in any case and separator, and names a word that is not one', () => {
    expect(parseCodes(' mmr, IDN;tha  mmr')).toEqual(['MMR', 'IDN', 'THA']);
    expect(() => parseCodes('MMR, Myanmar')).toThrow('expected three-letter country codes such as MMR or THA, got "MYANMAR"');
  });
});

describe('the table an answer becomes', () => {
  const choice: Choice = { statistic: 'permits', groupBy: ['HOST_COUNTRY', 'PERMIT_CLASS'], filter: {} };
  const data = {
    permitStatistics: {
      cells: [
        { hostCountry: 'THA', permitClass: 'SKILLED', nationality: null, count: 1200, suppressed: false },
        { hostCountry: 'THA', permitClass: 'LOWER_SKILLED', nationality: null, count: null, suppressed: true },
        { hostCountry: 'MYS', permitClass: null, nationality: null, count: 14, suppressed: false },
        { hostCountry: 'MYS', permitClass: 'LOWER_SKILLED', nationality: null, count: 35, suppressed: false },
      ],
      total: null,
      suppressionThreshold: 10,
      asOf: FRESH,
    },
  };

  it('has the grouped dimensions as columns, rows in key order (not stated last), and suppressed cells without a count', () => {
    const table = tableOf(choice, data);
    expect(table.columns.map((c) => c.field)).toEqual(['hostCountry', 'permitClass']);
    expect(table.rows).toEqual([
      { keys: ['MYS', 'LOWER_SKILLED'], count: 35, suppressed: false },
      { keys: ['MYS', null], count: 14, suppressed: false },
      { keys: ['THA', 'LOWER_SKILLED'], count: null, suppressed: true },
      { keys: ['THA', 'SKILLED'], count: 1200, suppressed: false },
    ]);
    expect(table.total).toBeNull();
    expect(table.asOf.map((c) => c.country)).toEqual(['LAO', 'THA']);
  });

  it('writes CSV with the contract field names, an empty count for a suppressed cell, and no formula a spreadsheet would run', () => {
    const table = tableOf(choice, data);
    expect(toCsv(table)).toBe('hostCountry,permitClass,count,suppressed\r\nMYS,LOWER_SKILLED,35,false\r\nMYS,,14,false\r\nTHA,LOWER_SKILLED,,true\r\nTHA,SKILLED,1200,false\r\n');
    const sectors = tableOf({ statistic: 'permits', groupBy: ['SECTOR'], filter: {} }, {
      permitStatistics: { cells: [{ sector: '=HYPERLINK("x")', count: 12, suppressed: false }, { sector: 'Food, drink', count: 11, suppressed: false }], total: 23, suppressionThreshold: 10, asOf: [] },
    });
    expect(toCsv(sectors)).toBe('sector,count,suppressed\r\n"\'=HYPERLINK(""x"")",12,false\r\n"Food, drink",11,false\r\n');
    expect(csvFileName(sectors, '2026-12-02')).toBe('rantau-permits-2026-12-02.csv');
  });

  it('makes corridors a table of origin, host and class (or origin and host when classes are summed)', () => {
    const corridors = { corridors: { activeOn: '2026-12-01', flows: [{ origin: 'MMR', host: 'THA', permitClass: 'LOWER_SKILLED', count: 50, suppressed: false }], suppressionThreshold: 10, asOf: FRESH } };
    const byClass = tableOf({ statistic: 'corridors', groupBy: [], filter: {}, byClass: true }, corridors);
    expect(byClass.columns.map((c) => c.field)).toEqual(['origin', 'host', 'permitClass']);
    expect(byClass.rows[0]).toEqual({ keys: ['MMR', 'THA', 'LOWER_SKILLED'], count: 50, suppressed: false });
    expect(byClass.total).toBeUndefined();
    expect(byClass.activeOn).toBe('2026-12-01');
    const summed = tableOf({ statistic: 'corridors', groupBy: [], filter: {}, byClass: false }, corridors);
    expect(summed.columns.map((c) => c.field)).toEqual(['origin', 'host']);
    expect(csvFileName(summed, '2026-12-02')).toBe('rantau-corridors-2026-12-01.csv');
  });
});
