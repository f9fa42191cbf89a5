// A signed audit extract for a time range (`npm run audit:export`): the entries with their chain
// hashes and the verification of the whole log at export time, as a compact JWS (EdDSA) that an
// auditor checks with the public key printed beside it.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { CompactSign, exportJWK } from 'jose';
import type { AuditLog } from './auditLog.js';
import { verifyAudit } from './verify.js';

export interface SignedExtract {
  /** Compact JWS whose payload is `{ from, to, exportedAt, verification, entries }`. */
  extract: string;
  /** The public key (JWK) that verifies `extract`. */
  publicKey: Record<string, unknown>;
  from: string;
  to: string;
  entries: number;
}

export async function exportExtract(log: AuditLog, from: Date, to: Date, privateKeyPem: string): Promise<SignedExtract> {
  const entries = await log.between(from, to);
  const verification = await verifyAudit(log.db);
  const payload = { from: from.toISOString(), to: to.toISOString(), exportedAt: new Date().toISOString(), verification, entries };
  const privateKey = createPrivateKey(privateKeyPem);
  const publicKey = await exportJWK(createPublicKey(privateKey));
  const extract = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', typ: 'rantau-audit-extract' }).sign(privateKey);
  return { extract, publicKey: { ...publicKey, alg: 'EdDSA', use: 'sig' }, from: payload.from, to: payload.to, entries: entries.length };
}
