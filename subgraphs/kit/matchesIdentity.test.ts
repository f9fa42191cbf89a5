import { describe, expect, it } from 'vitest';
import { matchesIdentity } from './countryContext.js';
import type { ContractRecord } from './records.js';

// Identity matching decides whose records a worker query returns: it must never guess.
const record = (fields: Partial<ContractRecord>): ContractRecord =>
  ({ holderDocumentNumber: 'A1234567', holderNationality: 'MMR', holderDateOfBirth: '1990-05-01', ...fields }) as ContractRecord;
const identity = { nationality: 'MMR', documentNumber: 'A1234567', dateOfBirth: '1990-05-01' };

describe('matchesIdentity', () => {
  it('matches the same document, nationality and birth date', () => {
    expect(matchesIdentity(record({}), identity)).toBe(true);
    expect(matchesIdentity(record({ holderDocumentNumber: 'a1234-567' }), identity)).toBe(true);
  });

  it('refuses another document, another nationality or another birth date', () => {
    expect(matchesIdentity(record({ holderDocumentNumber: 'A1234568' }), identity)).toBe(false);
    expect(matchesIdentity(record({ holderNationality: 'THA' }), identity)).toBe(false);
    expect(matchesIdentity(record({ holderDateOfBirth: '1990-05-02' }), identity)).toBe(false);
    expect(matchesIdentity(record({ holderDocumentNumber: null }), identity)).toBe(false);
  });

  it('compares birth dates only when both sides know one, and nationality only when the record states one', () => {
    expect(matchesIdentity(record({ holderDateOfBirth: null }), identity)).toBe(true);
    expect(matchesIdentity(record({}), { ...identity, dateOfBirth: null })).toBe(true);
    expect(matchesIdentity(record({ holderNationality: null }), identity)).toBe(true);
  });

  it('accepts a document the registry itself links to the holder', () => {
    const permitUnderCertificateOfIdentity = record({ holderDocumentNumber: 'CI0012345', holderOtherDocumentNumbers: ['A1234567'] });
    expect(matchesIdentity(permitUnderCertificateOfIdentity, identity)).toBe(true);
    expect(matchesIdentity(permitUnderCertificateOfIdentity, { ...identity, documentNumber: 'CI0012345' })).toBe(true);
    expect(matchesIdentity(permitUnderCertificateOfIdentity, { ...identity, documentNumber: 'B7654321' })).toBe(false);
  });
});
