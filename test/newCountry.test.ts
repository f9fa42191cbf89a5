import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countryEntries, type CountryEntry } from '../subgraphs/countries.js';
import { defaultPopulation, holdingsIn } from '../sandbox/population/population.js';
import { countryEntry, countryNames, render } from '../bin/countryTemplate/scaffold.js';

/**
 * The integrator's path, done for real in a copy of this checkout: `npm run new-country -- PNG`
 * scaffolds a twelfth, made-up member state, and with no other file touched it passes its own tests,
 * composes into the supergraph and answers through the gateway next to a real country.
 */
const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CODE = 'PNG';

/** Tracked and new (not ignored) files of this checkout, copied; node_modules linked. */
function copyCheckout(): string {
  const copy = mkdtempSync(join(tmpdir(), 'rantau-new-country-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    try {
      cpSync(join(ROOT, file), join(copy, file));
    } catch (error) {
      // A tracked file another engineer has just deleted is simply not part of the copy.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

/** Every file under `dir` with a hash of its content; the node_modules link is not followed. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.set(relative(dir, path), createHash('sha1').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dir);
  return files;
}

function changes(before: Map<string, string>, after: Map<string, string>) {
  return {
    added: [...after.keys()].filter((file) => !before.has(file)).sort(),
    changed: [...after.keys()].filter((file) => before.has(file) && before.get(file) !== after.get(file)).sort(),
    removed: [...before.keys()].filter((file) => !after.has(file)).sort(),
  };
}

/** `npm run new-country -- <args>` in the copy: exit code and output. */
async function newCountry(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'new-country', '--', ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// Runs in the copy with its own code: a stack of the given countries on ephemeral ports, one query, the answer as JSON.
const QUERY_SCRIPT = `import 'reflect-metadata';
import { countryEntries } from './subgraphs/countries.js';
import { startTestStack, testConfig } from './test/e2e/testStack.js';

const [fixturesDir, codes, query] = process.argv.slice(2);
const stack = await startTestStack({ countries: countryEntries.filter((e) => codes.split(',').includes(e.code)), fixturesDir, config: testConfig() });
try {
  console.log(JSON.stringify(await stack.query(query)));
} finally {
  await stack.close();
}
`;

describe('npm run new-country', () => {
  let copy: string;
  let before: Map<string, string>;
  let served: CountryEntry[];

  beforeAll(() => {
    copy = copyCheckout();
    before = snapshot(copy);
    served = JSON.parse(readFileSync(join(copy, 'subgraphs/countries.json'), 'utf8')).countries;
  });
  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('refuses a code that is not ISO 3166-1 alpha-3, or a country already served, and writes nothing', async () => {
    const bad = await newCountry(copy, 'XYZ1');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('new-country: expected an ISO 3166-1 alpha-3 country code such as "PNG", got "XYZ1"');
    expect(bad.stderr).toContain('usage: npm run new-country -- <ISO3>');
    // Three letters, but no country.
    expect((await newCountry(copy, 'XYZ')).stderr).toContain('got "XYZ"');
    const taken = await newCountry(copy, 'IDN');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('IDN is already served: subgraphs/countries.json lists it and its folder is subgraphs/idn/');
    expect((await newCountry(copy)).stderr).toContain('got nothing');
    expect(changes(before, snapshot(copy))).toEqual({ added: [], changed: [], removed: [] });
  }, 60_000);

  it(`scaffolds ${CODE} into its own folder and one entry of subgraphs/countries.json, and nothing else`, async () => {
    const scaffolded = await newCountry(copy, CODE);
    expect(scaffolded.code).toBe(0);
    expect(scaffolded.stdout).toContain('Scaffolded Papua New Guinea (PNG)');
    expect(scaffolded.stdout).toMatch(/grep -rn 'TODO\(spec\)' subgraphs\/png[\s\S]*npm run compose[\s\S]*npm run docker-compose/);

    const { added, changed, removed } = changes(before, snapshot(copy));
    expect(changed).toEqual(['subgraphs/countries.json']);
    expect(removed).toEqual([]);
    expect(added.length).toBeGreaterThan(10);
    expect(added.filter((file) => !file.startsWith('subgraphs/png/'))).toEqual([]);
    expect(added).toEqual(expect.arrayContaining(['subgraphs/png/index.ts', 'subgraphs/png/types.ts', 'subgraphs/png/profiles.ts', 'subgraphs/png/README.md', 'subgraphs/png/pngcert.adapter.test.ts', 'subgraphs/png/sandbox/pngpermit.simulator.ts', 'subgraphs/png/sandbox/index.ts']));
    // No token of the templates is left.
    for (const file of added) expect(readFileSync(join(copy, file), 'utf8')).not.toMatch(/__(CC|cc|Cc|NAME)__/);

    // The one entry, appended, on the next free ports; the served countries' lines untouched.
    const list = JSON.parse(readFileSync(join(copy, 'subgraphs/countries.json'), 'utf8')).countries as CountryEntry[];
    const used = served.flatMap((e) => [e.subgraphPort, ...Object.values(e.registryPorts)]);
    const nextRegistryPort = Math.max(...served.flatMap((e) => Object.values(e.registryPorts))) + 1;
    expect(list).toEqual([...served, { code: 'PNG', subgraphPort: Math.max(...served.map((e) => e.subgraphPort)) + 1, registryPorts: { pngcert: nextRegistryPort, pngpermit: nextRegistryPort + 1 } }]);
    expect(used).not.toContain(list.at(-1)!.subgraphPort);

    const again = await newCountry(copy, 'png');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('PNG is already served');
  }, 60_000);

  it('keeps the product apart from the sandbox: no product file of the folder imports a simulator', () => {
    const folder = join(copy, 'subgraphs/png');
    const files = (readdirSync(folder, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts'));
    const product = files.filter((file) => !file.startsWith('sandbox/') && !file.endsWith('.test.ts'));
    expect(product).toEqual(expect.arrayContaining(['index.ts', 'types.ts', 'profiles.ts', 'pngcert.adapter.ts', 'pngpermit.adapter.ts']));
    const importsOf = (file: string) => [...readFileSync(join(folder, file), 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?(?:from\s*)?['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    for (const file of product) {
      for (const specifier of importsOf(file)) {
        // Relative to subgraphs/png/: its own sandbox is ./sandbox/, the simulator kit and population ../../sandbox/.
        expect(specifier, `${file} imports ${specifier}`).not.toMatch(/(^|\/)sandbox\//);
        expect(specifier, `${file} imports ${specifier}`).not.toMatch(/simulator/i);
      }
    }
    // And the simulators are where the sandbox loads them from.
    expect(files.filter((file) => file.startsWith('sandbox/'))).toEqual(expect.arrayContaining(['sandbox/index.ts', 'sandbox/pngcert.simulator.ts', 'sandbox/pngpermit.simulator.ts']));
  });

  it('gives a folder that type-checks and passes its own tests', async () => {
    writeFileSync(join(copy, 'tsconfig.png.json'), JSON.stringify({ extends: './tsconfig.json', include: ['subgraphs/png'] }));
    await expect(run(join(copy, 'node_modules/.bin/tsc'), ['--noEmit', '-p', 'tsconfig.png.json'], { cwd: copy })).resolves.toBeDefined();
    const { stdout } = await run(join(copy, 'node_modules/.bin/vitest'), ['run', 'subgraphs/png'], { cwd: copy, env: { ...process.env, NO_COLOR: '1' } });
    expect(stdout).toMatch(/Test Files\s+2 passed \(2\)/);
  }, 60_000);

  it('composes the supergraph with the new country', async () => {
    const out = join(copy, 'supergraph.graphql');
    const { stdout } = await run(join(copy, 'node_modules/.bin/tsx'), ['bin/compose.ts'], { cwd: copy, env: { ...process.env, SUPERGRAPH_FILE: out } });
    expect(stdout).toMatch(new RegExp(`Composed ${served.length + 2} subgraphs \\(regional, .*PNG\\)`));
    const supergraph = readFileSync(out, 'utf8');
    expect(supergraph).toContain('PNG @join__graph(name: "png"');
    expect(supergraph).toMatch(/type PngCertification implements Certification & Node/);
    expect(supergraph).toMatch(/type PngWorkPermit implements WorkPermit & Node/);
  }, 60_000);

  it('answers node() and worker() for the new country through the gateway, next to a real one', async () => {
    // A real worker of the population with an Indonesian certificate; the fixtures give them records in PNG too.
    const { person } = holdingsIn(defaultPopulation(), 'IDN', 'CERT').find(({ person }) => person.passportNo !== null)!;
    const fixturesDir = join(copy, 'fixtures');
    mkdirSync(join(fixturesDir, 'PNG'), { recursive: true });
    const certificate = { certificateNo: 'PNG-C-2025-000001', holderName: person.fullName, passportNo: person.passportNo, nationality: person.nationality, dateOfBirth: person.dateOfBirth, qualification: 'Welding', level: 2, iscoCode: '7212', provider: 'Port Moresby Technical College', issuedOn: '2025-03-01', expiresOn: '2030-02-28', status: 'ACTIVE' };
    const permit = { permitNo: 'PNG-WP-2026-000001', holder: { name: person.fullName, passportNo: person.passportNo, nationality: person.nationality, dateOfBirth: person.dateOfBirth }, employer: { name: 'Example Mining Services Ltd', registrationNo: '1-000202' }, category: 'SKILLED', occupation: 'Welder', iscoCode: '7212', worksite: 'Lae', validFrom: '2026-01-15', validUntil: '2028-01-14', status: 'ACTIVE' };
    writeFileSync(join(fixturesDir, 'PNG', 'pngcert.jsonl'), `${JSON.stringify(certificate)}\n`);
    writeFileSync(join(fixturesDir, 'PNG', 'pngpermit.jsonl'), `${JSON.stringify(permit)}\n`);
    writeFileSync(join(copy, 'queryStack.ts'), QUERY_SCRIPT);
    // The integrator writes down the new member state's own sharing choices: here, that other member
    // states' case officers see its records in full (the template's default is VERIFY).
    const policyFile = join(copy, 'subgraphs/png/policy.json');
    const policy = JSON.parse(readFileSync(policyFile, 'utf8')) as { rules: Array<Record<string, unknown>> };
    policy.rules.unshift({ memberStates: ['*'], roles: ['case-officer'], purposes: ['PERMIT_APPLICATION'], level: 'FULL', why: 'Test: PNG shares its records with every member state\'s permit officers.' });
    writeFileSync(policyFile, `${JSON.stringify(policy, null, 2)}\n`);

    const query = `{
      cert: node(id: "PNG:CERT:PNG-C-2025-000001") { id __typename ... on PngCertification { country registry holderName status nativeStatus validUntil aqrfBasis provider } }
      permit: node(id: "PNG:PERMIT:PNG-WP-2026-000001") { id __typename ... on PngWorkPermit { country registry permitClass status employer { name } worksite } }
      worker(nationality: "${person.nationality}", documentNumber: "${person.passportNo}", dateOfBirth: "${person.dateOfBirth}") {
        countries certifications { id country } permits { id country }
      }
    }`;
    const { stdout } = await run(join(copy, 'node_modules/.bin/tsx'), ['queryStack.ts', fixturesDir, 'IDN,PNG', query], { cwd: copy });
    const answer = JSON.parse(stdout);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.cert).toEqual({
      id: 'PNG:CERT:PNG-C-2025-000001', __typename: 'PngCertification', country: 'PNG', registry: 'pngcert', holderName: person.fullName, status: 'VALID', nativeStatus: 'ACTIVE', validUntil: '2030-02-28', aqrfBasis: 'NOT_REFERENCED', provider: 'Port Moresby Technical College',
    });
    expect(answer.data.permit).toEqual({ id: 'PNG:PERMIT:PNG-WP-2026-000001', __typename: 'PngWorkPermit', country: 'PNG', registry: 'pngpermit', permitClass: 'SKILLED', status: 'ACTIVE', employer: { name: 'Example Mining Services Ltd' }, worksite: 'Lae' });
    const worker = answer.data.worker;
    expect([...worker.countries].sort()).toEqual(['IDN', 'PNG']);
    expect(worker.certifications).toEqual(expect.arrayContaining([{ id: 'PNG:CERT:PNG-C-2025-000001', country: 'PNG' }, expect.objectContaining({ country: 'IDN' })]));
    expect(worker.permits).toContainEqual({ id: 'PNG:PERMIT:PNG-WP-2026-000001', country: 'PNG' });
  }, 60_000);
});

describe('the scaffold\'s parts', () => {
  const names = { ...countryNames('CIV', countryEntries, ROOT), name: "Cote D'Ivoire" };

  it('escapes a country name with an apostrophe inside TypeScript strings, and only there', () => {
    expect(render("// __NAME__\nname: '__NAME__',", names, 'index.ts')).toBe("// Cote D'Ivoire\nname: 'Cote D\\'Ivoire',");
    expect(render('# __CC__ — __NAME__', names, 'README.md')).toBe("# CIV — Cote D'Ivoire");
  });

  it('takes the next ports that no service of the list uses', () => {
    const served = [{ code: 'IDN', subgraphPort: 4011, registryPorts: { bnsp: 4101, tka: 4012 } }];
    expect(countryEntry(names, served)).toEqual({ code: 'CIV', subgraphPort: 4013, registryPorts: { civcert: 4102, civpermit: 4103 } });
    expect(countryEntry(names, [])).toEqual({ code: 'CIV', subgraphPort: 4011, registryPorts: { civcert: 4101, civpermit: 4102 } });
  });
});
