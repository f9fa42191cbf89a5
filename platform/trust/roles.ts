// What each role may declare as its purpose: a token naming purposes outside its role's list
// cannot use them (an inspector cannot ask "for a permit application"). The purposes each token
// actually allows are narrower still: its `purposes` claim. docs/security.md explains each role.
import type { Purpose, Role } from '../caller.js';

export const ROLE_PURPOSES: Readonly<Record<Role, readonly Purpose[]>> = {
  verifier: ['PERMIT_APPLICATION', 'SKILLS_RECOGNITION', 'LABOUR_INSPECTION'],
  'case-officer': ['PERMIT_APPLICATION', 'SKILLS_RECOGNITION'],
  inspector: ['LABOUR_INSPECTION'],
  analyst: [],
  subject: ['WORKER_REQUEST'],
  operator: [],
};
