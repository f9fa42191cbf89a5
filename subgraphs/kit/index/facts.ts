// The de-identified facts the index keeps of each record, for statistics and for recognition's
// "comparable qualifications": what kind of record, from whom, at what level, in which occupation,
// when. Never a name, a document number, a birth date or an employer.
import { createHash } from 'node:crypto';
import type { CertificationRecord, ContractRecord, PermitRecord } from '../records.js';

export interface RecordFacts {
  registry: string;
  nativeId: string;
  kind: 'CERT' | 'PERMIT';
  country: string;
  holderNationality: string | null;
  status: string;
  nativeStatus: string | null;
  nativeType: string | null;
  permitClass: string | null;
  nationalLevel: string | null;
  aqrfLevel: number | null;
  aqrfBasis: string | null;
  isco: string | null;
  issuedOn: string | null;
  validFrom: string | null;
  validUntil: string | null;
  sector: string | null;
  qualificationCode: string | null;
  qualificationTitle: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (value: string | null | undefined): string | null => (typeof value === 'string' && ISO_DATE.test(value) ? value : null);
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function isCertification(record: ContractRecord): record is CertificationRecord {
  return record.id.split(':')[1] === 'CERT';
}

export function factsOf(record: ContractRecord): RecordFacts {
  const common = {
    registry: record.registry,
    nativeId: record.nativeId,
    country: record.country,
    holderNationality: record.holderNationality ?? null,
    status: String(record.status),
    nativeStatus: text(record.nativeStatus),
    isco: text(record.occupation?.isco),
  };
  if (isCertification(record)) {
    return {
      ...common,
      kind: 'CERT',
      nativeType: null,
      permitClass: null,
      nationalLevel: text(record.nationalLevel),
      aqrfLevel: record.aqrfLevel ?? null,
      aqrfBasis: text(record.aqrfBasis),
      issuedOn: date(record.issuedOn),
      validFrom: null,
      validUntil: date(record.validUntil),
      sector: null,
      qualificationCode: text(record.qualificationCode),
      qualificationTitle: text(record.title),
    };
  }
  const permit = record as PermitRecord;
  return {
    ...common,
    kind: 'PERMIT',
    nativeType: text(permit.nativeType),
    permitClass: text(permit.permitClass),
    nationalLevel: null,
    aqrfLevel: null,
    aqrfBasis: null,
    issuedOn: null,
    validFrom: date(permit.validFrom),
    validUntil: date(permit.validUntil),
    sector: text(permit.sector),
    qualificationCode: null,
    qualificationTitle: null,
  };
}

/** A digest of what the index keeps of a record (facts and identity digests), to tell a changed record from a re-read one. */
export function fingerprintOf(facts: RecordFacts, identities: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify([facts, [...identities].sort()])).digest('base64url').slice(0, 22);
}
