// The keyed HMAC under which the country index stores every identity a record names, so that an
// identity finds its records without any document number being stored in clear. The key is per
// deployment (INDEX_HMAC_KEY) and shared by every replica reading the same index; a process
// without one draws a random key, and its index is then unreadable to any other process.
import { createHmac, randomBytes } from 'node:crypto';
import { normalizeDocumentNumber, type HolderIdentity } from '../../../schema/ids/index.js';
import type { ContractRecord } from '../records.js';

/** Stands for "any nationality": a record that states none matches every nationality (as `matchesIdentity` does). */
const ANY_NATIONALITY = '*';

export class IdentityDigest {
  private readonly key: Buffer;

  constructor(key: string | undefined) {
    this.key = key ? Buffer.from(key, 'utf8') : randomBytes(32);
  }

  private digest(nationality: string, documentNumber: string): string {
    return createHmac('sha256', this.key).update(`${nationality}:${normalizeDocumentNumber(documentNumber)}`).digest('base64url');
  }

  /** A digest that tells whether an index was written under this key, without revealing it. */
  keyCheck(): string {
    return createHmac('sha256', this.key).update('rantau index key check').digest('base64url');
  }

  /** Every identity a record names: its holder's document and each document the registry links to the holder. */
  ofRecord(record: ContractRecord): string[] {
    const nationality = record.holderNationality ?? ANY_NATIONALITY;
    const documents = [record.holderDocumentNumber, ...(record.holderOtherDocumentNumbers ?? [])].filter((d): d is string => typeof d === 'string' && d.trim() !== '');
    return [...new Set(documents.map((document) => this.digest(nationality, document)))];
  }

  /** The digests an identity is found under: its own, and the one of records that state no nationality. */
  ofIdentity(identity: HolderIdentity): string[] {
    return [this.digest(identity.nationality, identity.documentNumber), this.digest(ANY_NATIONALITY, identity.documentNumber)];
  }
}
