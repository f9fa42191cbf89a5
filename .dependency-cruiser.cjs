// The dependency rules of Rantau's layers (docs/architecture.md#layers), checked by
// test/dependencyRules.test.ts on every `npm test`. A rule broken fails the suite.
const TESTS = '(\\.test\\.ts$|^test/|^sandbox/testing/)';
const SANDBOX = '^(sandbox/|subgraphs/[a-z]{3}/sandbox/)';

/** One layer rule: modules matching `from` must not import modules matching `to`. */
const rule = (name, comment, from, to) => ({ name, severity: 'error', comment, from, to });

module.exports = {
  forbidden: [
    rule('no-cycles', 'An import cycle means two modules are one; fold or split them.', {}, { circular: true }),
    rule(
      'contract-imports-nothing-of-ours',
      'schema/ is the shared contract: it may import only itself and maintained libraries.',
      { path: '^schema/', pathNot: TESTS },
      { path: '^(platform|subgraphs|gateway|sandbox|bin|bench|test)/' },
    ),
    rule(
      'platform-below-the-services',
      'platform/ is what every service runs on; it knows no subgraph, gateway, sandbox or launcher.',
      { path: '^platform/', pathNot: TESTS },
      { path: '^(subgraphs|gateway|sandbox|bin|bench|test)/' },
    ),
    rule(
      'gateway-on-platform-only',
      'The gateway federates subgraphs it reaches over HTTP; it imports the platform and the contract, never a subgraph.',
      { path: '^gateway/', pathNot: TESTS },
      { path: '^(subgraphs|sandbox|bin|bench|test)/' },
    ),
    rule(
      'kit-stands-alone',
      'The subgraph kit serves every country; it imports the platform and the contract, never a country, the regional subgraph or the gateway.',
      { path: '^subgraphs/kit/', pathNot: TESTS },
      { path: '^(subgraphs/(?!kit/)|gateway/|sandbox/|bin/|bench/|test/)' },
    ),
    rule(
      'product-never-loads-the-sandbox',
      'Simulators, the synthetic population and fixtures are the sandbox: no product module loads them.',
      { path: '^(schema|platform|gateway|subgraphs)/', pathNot: [TESTS, SANDBOX] },
      { path: SANDBOX },
    ),
    rule(
      'a-country-imports-the-kit-and-the-contract',
      'A country folder reads in one sitting: it imports the kit, the contract and itself, never another country, the regional subgraph, the gateway or the platform directly.',
      { path: '^subgraphs/([a-z]{3})/', pathNot: ['^subgraphs/kit/', TESTS, SANDBOX] },
      { path: '^(subgraphs/|gateway/|platform/|bin/|bench/)', pathNot: ['^subgraphs/($1|kit)/'] },
    ),
    rule(
      'regional-knows-no-country',
      'The regional subgraph reaches countries over HTTP and names none: it imports the kit, the platform and the contract.',
      { path: '^subgraphs/regional/', pathNot: TESTS },
      { path: '^(subgraphs/(?!kit/|regional/)|gateway/|sandbox/|bin/|bench/)' },
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // bench/node_modules holds the benchmark's own dependencies (bench/package.json).
    exclude: { path: '(^|/)node_modules/|^\\.cache/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
