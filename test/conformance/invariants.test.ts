import { describe, expect, it } from 'vitest';
import { contractViolations, isCalendarDate } from './invariants.js';

// The checker itself must be able to fail, or a green suite would mean nothing.
const certification = {
  __typename: 'IdnCertification',
  id: 'IDN:CERT:74101.2421.3.0004512.2023',
  country: 'IDN',
  holderNationality: 'IDN',
  issuedOn: '2023-04-12',
  validUntil: null,
  status: 'VALID',
  nativeStatus: 'AKTIF',
  nationalLevel: '3',
  aqrfLevel: 3,
  aqrfBasis: 'INDICATIVE',
};
const permit = {
  __typename: 'IdnWorkPermit',
  id: 'IDN:PERMIT:KEP.10007/PPTKA/PTK/2022',
  country: 'IDN',
  holderNationality: 'CHN',
  validFrom: '2024-02-29',
  validUntil: '2025-02-28',
  permitStatus: 'ACTIVE',
  nativeStatus: 'DISETUJUI',
  permitClass: 'PROFESSIONAL',
};

describe('contract invariants', () => {
  it('passes records that keep every promise', () => {
    expect(contractViolations(certification, 'IDN')).toEqual([]);
    expect(contractViolations(permit, 'IDN')).toEqual([]);
  });

  it('tells calendar dates from look-alikes', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(['2023-02-29', '2024-13-01', '2024-04-31', '12-04-2023', '2024-4-1'].filter(isCalendarDate)).toEqual([]);
  });

  it.each([
    [{ ...certification, issuedOn: '12-04-2023' }, /issuedOn: expected null or a calendar date/],
    [{ ...certification, status: 'AKTIF' }, /status: expected one of VALID/],
    [{ ...certification, nativeStatus: ' ' }, /nativeStatus/],
    [{ ...certification, aqrfLevel: 4 }, /aqrfLevel: expected 3/],
    [{ ...certification, aqrfBasis: 'REFERENCED' }, /aqrfBasis: expected INDICATIVE/],
    [{ ...certification, nationalLevel: 'Okupasi', aqrfLevel: 3 }, /aqrfLevel: expected null/],
    [{ ...certification, holderNationality: 'Indonesia' }, /holderNationality/],
    [{ ...certification, country: 'ID' }, /country: expected "IDN"/],
    [{ ...certification, id: 'IDN:CERTIFICATE:1' }, /id: expected "IDN:CERT:…"/],
    [{ ...permit, permitClass: 'EXPERT' }, /permitClass: expected one of PROFESSIONAL/],
    [{ ...permit, permitStatus: 'VALID' }, /status: expected one of PENDING/],
    [{ ...permit, validUntil: '2025-02-29' }, /validUntil/],
  ])('flags %j', (record, message) => {
    expect(contractViolations(record, 'IDN').join('\n')).toMatch(message);
  });
});
