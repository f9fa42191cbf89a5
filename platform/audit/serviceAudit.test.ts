import { generateKeyPairSync } from 'node:crypto';
import { compactVerify, importJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog, exportExtract, serviceAudit, type ServiceAudit } from './index.js';
import { readConfig } from '../config.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/testDatabase.js';

describe('the gateway-side audit writer and the signed export', () => {
  let database: TestDatabase;
  let gateway: ServiceAudit;

  beforeAll(async () => {
    database = await createTestDatabase();
    gateway = serviceAudit(readConfig({ AUDIT_DATABASE_URL: database.url, AUDIT_HMAC_KEY: 'gateway-test-key' }).audit, 'gateway');
  });
  afterAll(async () => {
    await gateway?.close();
    await database?.drop();
  });

  it('appends to the gateway chain, and an operator export verifies with the public key it carries', async () => {
    const start = new Date(Date.now() - 1000);
    const subject = gateway.subject('IDN', 'B1234567');
    await gateway.record({ requestId: 'r-1', client: 'idn-portal', memberState: 'IDN', role: 'case-officer', officer: 'o-1', purpose: 'PERMIT_APPLICATION', operation: gateway.operation('{ worker { id } }'), action: 'QUERY', subjects: [subject], recordIds: ['SGP:PERMIT:1'], level: null, outcome: 'RELEASED' });
    const log = await AuditLog.open(database.url);
    try {
      const key = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      const signed = await exportExtract(log, start, new Date(Date.now() + 1000), key);
      expect(signed.entries).toBe(1);
      const { payload } = await compactVerify(signed.extract, await importJWK(signed.publicKey, 'EdDSA'));
      const extract = JSON.parse(new TextDecoder().decode(payload));
      expect(extract.verification.ok).toBe(true);
      expect(extract.entries).toEqual([expect.objectContaining({ writer: 'gateway', seq: 1, subjects: [subject], hash: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
      // A tampered extract no longer verifies.
      const [header, body, signature] = signed.extract.split('.');
      const forged = Buffer.from(JSON.stringify({ ...extract, entries: [] })).toString('base64url');
      await expect(compactVerify(`${header}.${forged}.${signature}`, await importJWK(signed.publicKey, 'EdDSA'))).rejects.toThrow();
      expect(body).not.toBe(forged);
    } finally {
      await log.close();
    }
  });
});
