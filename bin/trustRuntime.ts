// Turns the trust settings into each service's keys and verifiers, for the embedded stack (keys
// generated per process and handed over in memory) and for one service per process (keys and
// public key sets from files a deployment provisions). docs/security.md describes the model.
import type { TrustSettings } from '../platform/config.js';
import { AccessTokenVerifier } from '../platform/trust/accessToken.js';
import { ContextSigner, ContextVerifier } from '../platform/trust/callerContext.js';
import { DEV_ISSUER, DevIssuer } from '../platform/trust/devIssuer.js';
import { anyKeySource, fileKeySource, memoryKeySource, remoteKeySource, type KeySource } from '../platform/trust/keySources.js';
import { generateSigningKey, publicJwks, readSigningKeyFile, type JsonWebKeySet, type SigningKey } from '../platform/trust/keys.js';
import type { GatewayOptions } from '../gateway/server.js';

/** The caller tokens the gateway accepts: the configured authorisation server's, and the development issuer's when enabled. */
export function accessTokenVerifier(settings: TrustSettings, devIssuer?: DevIssuer): AccessTokenVerifier {
  const sources: KeySource[] = [];
  const issuers: string[] = [];
  if (settings.jwksUrl || settings.jwksFile) {
    if (!settings.issuer) throw new Error('AUTH_ISSUER must name the issuer of the tokens AUTH_JWKS_URL or AUTH_JWKS_FILE verifies');
    if (settings.jwksUrl) sources.push(remoteKeySource(settings.jwksUrl));
    if (settings.jwksFile) sources.push(fileKeySource(settings.jwksFile));
    issuers.push(settings.issuer);
  }
  if (devIssuer) {
    sources.push(memoryKeySource(() => devIssuer.jwks()));
    issuers.push(DEV_ISSUER);
  }
  if (sources.length === 0) throw new Error('No way to verify callers: set AUTH_JWKS_URL or AUTH_JWKS_FILE (with AUTH_ISSUER), or AUTH_DEV_ISSUER=1 for development');
  return new AccessTokenVerifier({ keys: anyKeySource(sources), issuers, audience: settings.audience, clockSkewS: settings.clockSkewS });
}

/** The development issuer, only when AUTH_DEV_ISSUER=1 (`npm start` sets it); its key lives in AUTH_DEV_ISSUER_KEY_FILE. */
export async function devIssuerFromSettings(settings: TrustSettings): Promise<DevIssuer | undefined> {
  return settings.devIssuer ? DevIssuer.fromFile(settings.devIssuerKeyFile) : undefined;
}

/** Every key and verifier of one embedded stack: fresh keys per process, public halves handed over in memory. */
export interface EmbeddedTrust {
  gateway: GatewayOptions['trust'];
  regionalSigner: ContextSigner;
  /** One verifier per service (each keeps its own replay memory). */
  verifierFor(service: string): ContextVerifier;
  /** The public keys each signer publishes (tests of refusal read them). */
  gatewayJwks: JsonWebKeySet;
  regionalJwks: JsonWebKeySet;
  /** The private keys, in this process only (tests sign expired or replayed contexts with them). */
  keys: { gateway: SigningKey; regional: SigningKey };
}

export async function embeddedTrust(settings: TrustSettings, devIssuer?: DevIssuer): Promise<EmbeddedTrust> {
  const [gatewayKey, regionalKey] = await Promise.all([generateSigningKey(), generateSigningKey()]);
  const gatewayJwks = publicJwks([gatewayKey]);
  const regionalJwks = publicJwks([regionalKey]);
  const gatewayKeys = memoryKeySource(() => gatewayJwks);
  const regionalKeys = memoryKeySource(() => regionalJwks);
  return {
    gateway: {
      tokens: accessTokenVerifier(settings, devIssuer),
      signer: new ContextSigner('rantau-gateway', gatewayKey, settings.contextTtlS),
      ...(devIssuer ? { devIssuerJwks: () => devIssuer.jwks() } : {}),
    },
    regionalSigner: new ContextSigner('rantau-regional', regionalKey, settings.contextTtlS),
    verifierFor: (service) =>
      new ContextVerifier({ audience: service, trusted: service === 'regional' ? { 'rantau-gateway': gatewayKeys } : { 'rantau-gateway': gatewayKeys, 'rantau-regional': regionalKeys } }),
    gatewayJwks,
    regionalJwks,
    keys: { gateway: gatewayKey, regional: regionalKey },
  };
}

function required(value: string | undefined, name: string, why: string): string {
  if (!value) throw new Error(`${name} is not set: ${why} (docs/security.md, "Keys")`);
  return value;
}

/** One service per process: its signer (gateway, regional) from TRUST_SIGNING_KEY_FILE. */
export async function signerFromSettings(settings: TrustSettings, issuer: 'rantau-gateway' | 'rantau-regional'): Promise<ContextSigner> {
  const file = required(settings.signingKeyFile, 'TRUST_SIGNING_KEY_FILE', `the ${issuer === 'rantau-gateway' ? 'gateway' : 'regional subgraph'} signs the caller context it forwards`);
  return new ContextSigner(issuer, await readSigningKeyFile(file), settings.contextTtlS);
}

/** One service per process: the verifier of a subgraph from the signers' public key files. */
export function verifierFromSettings(settings: TrustSettings, service: string): ContextVerifier {
  const gateway = fileKeySource(required(settings.gatewayJwksFile, 'TRUST_GATEWAY_JWKS_FILE', 'every subgraph verifies the gateway\'s caller context'));
  if (service === 'regional') return new ContextVerifier({ audience: service, trusted: { 'rantau-gateway': gateway } });
  const regional = fileKeySource(required(settings.regionalJwksFile, 'TRUST_REGIONAL_JWKS_FILE', 'a country subgraph verifies the regional subgraph\'s caller context'));
  return new ContextVerifier({ audience: service, trusted: { 'rantau-gateway': gateway, 'rantau-regional': regional } });
}
