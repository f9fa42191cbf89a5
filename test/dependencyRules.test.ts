import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { cruise, type IReporterOutput, type ICruiseResult } from 'dependency-cruiser';

// The layers' dependency rules (.dependency-cruiser.cjs, docs/architecture.md#layers), checked on
// every `npm test`: no cycles, the contract imports nothing of ours, the gateway and the kit stay
// on the platform, product code never loads the sandbox, a country imports only the kit and the
// contract. Each broken rule is listed with the import that breaks it.
const require = createRequire(import.meta.url);
const ruleSet = require('../.dependency-cruiser.cjs') as { forbidden: unknown[]; options: Record<string, unknown> };

describe('dependency rules', () => {
  it('holds for every module of the repository', async () => {
    const output: IReporterOutput = await cruise(['schema', 'platform', 'subgraphs', 'gateway', 'sandbox', 'bin', 'bench', 'test'], { ...ruleSet.options, validate: true, ruleSet: { forbidden: ruleSet.forbidden } } as never);
    const result = output.output as ICruiseResult;
    const violations = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(violations).toEqual([]);
    expect(result.summary.totalCruised).toBeGreaterThan(300);
  }, 60_000);

  it('would catch a broken rule (the check is not vacuous)', async () => {
    const output: IReporterOutput = await cruise(['platform/metrics.ts'], {
      ...ruleSet.options,
      validate: true,
      ruleSet: { forbidden: [{ name: 'metrics-may-not-know-the-http-layer', severity: 'error', from: { path: '^platform/metrics' }, to: { path: '^platform/httpResponses' } }] },
    } as never);
    expect((output.output as ICruiseResult).summary.violations.map((v) => v.rule.name)).toContain('metrics-may-not-know-the-http-layer');
  }, 60_000);
});
