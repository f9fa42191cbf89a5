// `npm run trust-keys -- <dir>` (existing files are kept): the key files of Rantau's own signers for one service per
// process (docker-compose, the benchmark): a private key for the gateway and for the regional
// subgraph (mode 0600), and each one's public JWKS for the subgraphs that verify them. Point
// TRUST_SIGNING_KEY_FILE, TRUST_GATEWAY_JWKS_FILE and TRUST_REGIONAL_JWKS_FILE at them.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateSigningKey, publicJwks } from '../platform/trust/keys.js';

export interface ServiceKeyFiles {
  gatewayKey: string;
  gatewayJwks: string;
  regionalKey: string;
  regionalJwks: string;
}

/** Writes each signer's key pair that is not there yet: a container restarted later keeps the keys the others trust. */
export async function writeServiceKeys(dir: string): Promise<ServiceKeyFiles> {
  mkdirSync(dir, { recursive: true });
  const files: ServiceKeyFiles = {
    gatewayKey: join(dir, 'gateway.key.json'),
    gatewayJwks: join(dir, 'gateway.jwks.json'),
    regionalKey: join(dir, 'regional.key.json'),
    regionalJwks: join(dir, 'regional.jwks.json'),
  };
  for (const [key, jwks] of [[files.gatewayKey, files.gatewayJwks], [files.regionalKey, files.regionalJwks]] as const) {
    if (existsSync(key) && existsSync(jwks)) continue;
    const signing = await generateSigningKey();
    writeFileSync(key, JSON.stringify(signing.privateJwk, null, 2) + '\n', { mode: 0o600 });
    writeFileSync(jwks, JSON.stringify(publicJwks([signing]), null, 2) + '\n');
  }
  return files;
}

/** The settings each service needs, for these files. */
export function serviceKeyEnvironment(files: ServiceKeyFiles, service: 'gateway' | 'regional' | 'country'): Record<string, string> {
  return {
    TRUST_GATEWAY_JWKS_FILE: files.gatewayJwks,
    TRUST_REGIONAL_JWKS_FILE: files.regionalJwks,
    ...(service === 'gateway' ? { TRUST_SIGNING_KEY_FILE: files.gatewayKey } : service === 'regional' ? { TRUST_SIGNING_KEY_FILE: files.regionalKey } : {}),
  };
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: npm run trust-keys -- <dir>\n');
    process.exit(1);
  }
  const files = await writeServiceKeys(dir);
  console.log(`Wrote ${Object.values(files).join(', ')}`);
}
