// Where the audit lives and the keys it uses, resolved from configuration. Without
// AUDIT_DATABASE_URL the log is PGlite in AUDIT_DATA_DIR (nothing to install for `npm start`), and
// keys that are not configured are generated once into that folder, so that an embedded stack
// keeps finding a worker's entries across restarts.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditSettings } from '../config.js';

/** The PostgreSQL URL, or the embedded database's folder (`<AUDIT_DATA_DIR>/pglite`, keys beside it). */
export function auditLocation(settings: AuditSettings): string {
  if (settings.databaseUrl) return settings.databaseUrl;
  return settings.dataDir === 'memory://' ? 'memory://' : join(settings.dataDir, settings.embedded);
}

function keyFile(settings: AuditSettings, name: string, create: () => string): string {
  if (settings.dataDir === 'memory://') throw new Error(`audit: ${name} must be configured when the audit log is in memory`);
  const path = join(settings.dataDir, name);
  if (!existsSync(path)) {
    mkdirSync(settings.dataDir, { recursive: true });
    writeFileSync(path, create(), { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(path, 'utf8');
}

/** The key of the identity HMACs (AUDIT_HMAC_KEY); every writer of one log must share it. */
export function auditHmacKey(settings: AuditSettings): string {
  return settings.hmacKey ?? keyFile(settings, 'hmac.key', () => randomBytes(32).toString('base64url')).trim();
}

/** The Ed25519 private key (PKCS#8 PEM) that signs exported extracts (AUDIT_EXPORT_KEY_FILE). */
export function auditExportKeyPem(settings: AuditSettings): string {
  if (settings.exportKeyFile) return readFileSync(settings.exportKeyFile, 'utf8');
  return keyFile(settings, 'export-signing-key.pem', () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
}
