import { describe, expect, it } from 'vitest';
import { formatNativeDate, parseNativeDate, parseOptionalNativeDate } from './nativeDates.js';

describe('parseNativeDate', () => {
  it.each([
    ['14-03-2023', 'DD-MM-YYYY', '2023-03-14'],
    ['20230611', 'YYYYMMDD', '2023-06-11'],
    ['03/02/2024', 'MM/DD/YYYY', '2024-03-02'],
    ['15/04/1994', 'DD/MM/YYYY', '1994-04-15'],
    ['21/08/2567', 'DD/MM/BBBB', '2024-08-21'],
    ['2535-06-12', 'BBBB-MM-DD', '1992-06-12'],
    ['2024-02-29', 'YYYY-MM-DD', '2024-02-29'],
  ] as const)('reads %s as %s', (value, format, iso) => {
    expect(parseNativeDate(value, format)).toBe(iso);
  });

  it('reads a month-first date as month first, not day first', () => {
    expect(parseNativeDate('07/19/1994', 'MM/DD/YYYY')).toBe('1994-07-19');
    expect(() => parseNativeDate('19/07/1994', 'MM/DD/YYYY')).toThrow('expected a date as MM/DD/YYYY, got "19/07/1994"');
  });

  it('refuses dates that do not exist instead of rolling them over', () => {
    expect(() => parseNativeDate('31-02-2024', 'DD-MM-YYYY')).toThrow(/DD-MM-YYYY/);
    expect(() => parseNativeDate('2023-02-29', 'YYYY-MM-DD')).toThrow();
    expect(() => parseNativeDate('2024-3-1', 'YYYY-MM-DD')).toThrow();
  });

  it('keeps blank optional dates null', () => {
    expect(parseOptionalNativeDate(null, 'DD/MM/BBBB')).toBeNull();
    expect(parseOptionalNativeDate('', 'YYYYMMDD')).toBeNull();
  });
});

describe('formatNativeDate', () => {
  it('writes Buddhist-Era and month-first dates', () => {
    expect(formatNativeDate('2024-08-21', 'DD/MM/BBBB')).toBe('21/08/2567');
    expect(formatNativeDate('2024-03-02', 'MM/DD/YYYY')).toBe('03/02/2024');
    expect(formatNativeDate('2023-06-11', 'YYYYMMDD')).toBe('20230611');
  });
});
