import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countryCodes, loadCountry, loadPolicy } from '../../countries.js';
import { countrySdl } from '../buildCountrySubgraph.js';
import { buildCountrySubgraph } from '../buildCountrySubgraph.js';
import { ownerPolicy } from '../plugins/ownerPolicy.js';
import { MASKS } from './masks.js';
import { decide, readSharingPolicy, type SharingPolicy } from './sharingPolicy.js';
import { PURPOSES, type Caller } from '../../../platform/caller.js';

const write = (policy: unknown) => {
  const path = join(mkdtempSync(join(tmpdir(), 'policy-')), 'policy.json');
  writeFileSync(path, typeof policy === 'string' ? policy : JSON.stringify(policy));
  return path;
};
const caller = (role: Caller['role'], memberState: string, purpose: Caller['purpose']): Caller => ({ client: 'c', memberState, role, purposes: [...PURPOSES], purpose, officer: null, subject: null, requestId: 'r' });

describe('sharing policies as data', () => {
  it('reads every member state\'s policy and the scaffold template', () => {
    for (const code of countryCodes()) expect(loadPolicy(code).country).toBe(code);
    const template = readFileSync(new URL('../../../bin/countryTemplate/files/policy.json.tmpl', import.meta.url), 'utf8').replaceAll('__CC__', 'PNG');
    const policy = readSharingPolicy(write(template), 'PNG');
    // A new country: its own officials in full, everyone else VERIFY.
    expect(decide(policy, caller('case-officer', 'PNG', 'PERMIT_APPLICATION')).level).toBe('FULL');
    expect(decide(policy, caller('case-officer', 'IDN', 'PERMIT_APPLICATION')).level).toBe('VERIFY');
  });

  it('refuses, naming the file and the problem, a policy that breaks the format or is another country\'s', () => {
    expect(() => readSharingPolicy(write('{ not json'), 'SGP')).toThrow(/policy\.json: not a readable JSON sharing policy/);
    expect(() => readSharingPolicy(write({ country: 'SGP', rules: [{ memberStates: ['*'], roles: ['analyst'], purposes: ['*'], level: 'FULL' }] }), 'SGP')).toThrow(/invalid sharing policy: \/rules\/0\/roles\/0 must be equal to one of the allowed values/);
    expect(() => readSharingPolicy(write({ country: 'SGP', rules: [{ memberStates: ['*'], roles: ['verifier'], purposes: ['*'], level: 'SOME' }] }), 'SGP')).toThrow(/\/rules\/0\/level/);
    expect(() => readSharingPolicy(write({ country: 'MYS', rules: [] }), 'SGP')).toThrow(/the policy is for MYS, expected SGP/);
  });

  it('stops a subgraph from starting when its policy names a field its records do not have', async () => {
    const { country } = await loadCountry('SGP');
    const policy: SharingPolicy = { country: 'SGP', rules: [{ memberStates: ['*'], roles: ['case-officer'], purposes: ['*'], level: 'FULL', withhold: ['salaryBand'] }] };
    const registryUrls = { ssg: 'http://registry.invalid', mom: 'http://registry.invalid' };
    await expect(buildCountrySubgraph(country, { registryUrls, registryTimeoutMs: 1, maxConcurrency: 1, plugins: [ownerPolicy({ policy, withoutCaller: 'refuse' })] })).rejects.toThrow(/rules\[0\] names "salaryBand", which no SGP record has/);
    expect(await countrySdl(country)).toContain('monthlySalaryBand');
  });

  it('never lets a policy widen a role\'s fixed limits', () => {
    const generous: SharingPolicy = { country: 'SGP', rules: [{ memberStates: ['*'], roles: ['case-officer', 'inspector', 'verifier'], purposes: ['*'], level: 'FULL' }] };
    expect(decide(generous, caller('verifier', 'IDN', 'PERMIT_APPLICATION')).level).toBe('VERIFY');
    for (const role of ['analyst', 'operator', 'subject'] as const) expect(decide(generous, caller(role, 'SGP', 'PERMIT_APPLICATION')).level).toBe('NONE');
    // Personal data needs a declared purpose, even under a rule for any purpose.
    expect(decide(generous, caller('case-officer', 'IDN', null)).level).toBe('NONE');
  });

  it('masks identifiers to Singapore\'s accepted partial form', () => {
    expect(MASKS.LAST3_AND_LETTER('S1234567D')).toBe('*****567D');
    expect(MASKS.LAST3_AND_LETTER('E12345678')).toBe('******678');
  });
});
