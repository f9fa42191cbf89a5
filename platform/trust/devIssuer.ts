// The embedded development issuer: an OAuth authorisation server in miniature for `npm start` and
// the tests. It holds its own ES256 key (in memory, or in a local file that git ignores so
// `npm run token` can sign for the stack `npm start` is running), signs tokens with the claims
// accessToken.ts reads, and publishes its public key as a JWKS. It is never on unless enabled
// (AUTH_DEV_ISSUER=1; `npm start` enables it): anyone who can read its key file can mint any role.
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Purpose, Role } from '../caller.js';
import { SIGNING_ALG, generateSigningKey, publicJwks, readOrCreateSigningKeyFile, type JsonWebKeySet, type SigningKey } from './keys.js';
import { ROLE_PURPOSES } from './roles.js';

export const DEV_ISSUER = 'rantau-dev-issuer';
export const DEFAULT_AUDIENCE = 'rantau';

export interface TokenRequest {
  role: Role;
  memberState: string;
  /** Role `subject`: the identity the token is bound to, `<NAT>:<documentNumber>`. */
  worker?: string;
  /** Defaults to every purpose the role may declare. */
  purposes?: Purpose[];
  client?: string;
  /** RFC 8693 `act.sub`: the officer on whose behalf the client asks. */
  officer?: string;
  lifetimeS?: number;
  audience?: string;
  issuer?: string;
  /** Seconds from now; negative for a token already expired (tests). */
  expiresInS?: number;
}

export class DevIssuer {
  private constructor(private key: SigningKey, private readonly retired: SigningKey[] = []) {}

  static async inMemory(): Promise<DevIssuer> {
    return new DevIssuer(await generateSigningKey());
  }

  /** The key kept in `path` (created on first use), shared by `npm start` and `npm run token`. */
  static async fromFile(path: string): Promise<DevIssuer> {
    return new DevIssuer(await readOrCreateSigningKeyFile(path));
  }

  /** The public keys, the current first; a rotated-out key stays published so its tokens run out. */
  jwks(): JsonWebKeySet {
    return publicJwks([this.key, ...this.retired]);
  }

  /** Signs with a new key from now on (tests of key rotation). */
  async rotate(): Promise<void> {
    this.retired.unshift(this.key);
    this.key = await generateSigningKey();
  }

  async issue(request: TokenRequest): Promise<string> {
    const client = request.client ?? `dev-${request.memberState.toLowerCase()}-${request.role}`;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      client_id: client,
      member_state: request.memberState,
      role: request.role,
      purposes: request.purposes ?? [...ROLE_PURPOSES[request.role]],
      ...(request.officer ? { act: { sub: request.officer } } : {}),
      ...(request.worker ? { worker: request.worker } : {}),
    })
      .setProtectedHeader({ alg: SIGNING_ALG, kid: this.key.kid, typ: 'JWT' })
      .setIssuer(request.issuer ?? DEV_ISSUER)
      .setAudience(request.audience ?? DEFAULT_AUDIENCE)
      .setSubject(client)
      .setIssuedAt(now)
      .setExpirationTime(now + (request.expiresInS ?? request.lifetimeS ?? 3600))
      .setJti(randomUUID())
      .sign(this.key.privateKey);
  }
}
