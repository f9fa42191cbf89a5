// `npm run token -- --role <role> --member-state <ISO3> [--subject <NAT>:<documentNumber>]
//                   [--purposes A,B] [--officer <id>] [--client <id>] [--lifetime <seconds>]`
// Prints one bearer token, alone on standard output, from the development issuer whose key the
// stack `npm start` runs with (AUTH_DEV_ISSUER_KEY_FILE, default .rantau/dev-issuer.key.json).
// For development and tests only: the key file is the issuer (docs/security.md).
import { parseArgs } from 'node:util';
import { PURPOSES, ROLES, type Purpose, type Role } from '../platform/caller.js';
import { readConfig } from '../platform/config.js';
import { DevIssuer } from '../platform/trust/devIssuer.js';
import { MEMBER_STATES, isMemberStateCode } from '../platform/trust/memberStates.js';
import { parseWorkerClaim } from '../platform/trust/accessToken.js';

const USAGE = `usage: npm run token -- --role <${ROLES.join('|')}> --member-state <${MEMBER_STATES.join('|')}> [--subject <NAT>:<documentNumber>] [--purposes ${PURPOSES.join(',')}] [--officer <id>] [--client <id>] [--lifetime <seconds>]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(1);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      role: { type: 'string' },
      'member-state': { type: 'string' },
      subject: { type: 'string' },
      purposes: { type: 'string' },
      officer: { type: 'string' },
      client: { type: 'string' },
      lifetime: { type: 'string' },
    },
  }));
} catch (error) {
  fail((error as Error).message);
}
const role = values.role as Role | undefined;
if (!role || !ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(', ')}`);
const memberState = values['member-state']?.toUpperCase();
if (!memberState || !isMemberStateCode(memberState)) fail(`--member-state must be one of ${MEMBER_STATES.join(', ')}`);
if (role === 'subject' && !values.subject) fail('--subject <NAT>:<documentNumber> is required for role subject');
if (values.subject) {
  try {
    parseWorkerClaim(values.subject.toUpperCase());
  } catch (error) {
    fail(`--subject: ${(error as Error).message}`);
  }
}
const purposes = values.purposes?.split(',').map((p) => p.trim()).filter(Boolean);
const unknown = purposes?.filter((p) => !(PURPOSES as readonly string[]).includes(p)) ?? [];
if (unknown.length > 0) fail(`--purposes: ${unknown.join(', ')} not in ${PURPOSES.join(', ')}`);
const lifetimeS = values.lifetime === undefined ? 3600 : Number(values.lifetime);
if (!Number.isInteger(lifetimeS) || lifetimeS <= 0) fail('--lifetime must be a whole number of seconds');

const issuer = await DevIssuer.fromFile(readConfig().trust.devIssuerKeyFile);
const token = await issuer.issue({
  role,
  memberState,
  lifetimeS,
  ...(values.subject ? { worker: values.subject.toUpperCase() } : {}),
  ...(purposes ? { purposes: purposes as Purpose[] } : {}),
  ...(values.officer ? { officer: values.officer } : {}),
  ...(values.client ? { client: values.client } : {}),
});
process.stdout.write(`${token}\n`);
