// The dependency rules of Rantau's layers (docs/architecture.md#layers), checked by
// test/dependencyRules.test.ts on every `npm test`. A rule broken fails the suite.
const TESTS = '(\\.test\\.ts$|^test/|^sandbox/testing/)';
const SANDBOX = '^(sandbox/|subgraphs/[a-z]{3}/sandbox/)';

module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'An import cycle means two modules are one; fold or split them.', from: {}, to: { circular: true } },
    {
      name: 'contract-imports-nothing-of-ours',
      severity: 'error',
      comment: 'schema/ is the shared contract: it may import only itself and maintained libraries.',
      from: { path: '^schema/', pathNot: TESTS },
      to: { path: '^(platform|subgraphs|gateway|sandbox|bin|bench|test)/' },
    },
    {
      name: 'platform-below-the-services',
      severity: 'error',
      comment: 'platform/ is what every service runs on; it knows no subgraph, gateway, sandbox or launcher.',
      from: { path: '^platform/', pathNot: TESTS },
      to: { path: '^(subgraphs|gateway|sandbox|bin|bench|test)/' },
    },
    {
      name: 'gateway-on-platform-only',
      severity: 'error',
      comment: 'The gateway federates subgraphs it reaches over HTTP; it imports the platform and the contract, never a subgraph.',
      from: { path: '^gateway/', pathNot: TESTS },
      to: { path: '^(subgraphs|sandbox|bin|bench|test)/' },
    },
    {
      name: 'kit-stands-alone',
      severity: 'error',
      comment: 'The subgraph kit serves every country; it imports the platform and the contract, never a country, the regional subgraph or the gateway.',
      from: { path: '^subgraphs/kit/', pathNot: TESTS },
      to: { path: '^(subgraphs/(?!kit/)|gateway/|sandbox/|bin/|bench/|test/)' },
    },
    {
      name: 'product-never-loads-the-sandbox',
      severity: 'error',
      comment: 'Simulators, the synthetic population and fixtures are the sandbox: no product module loads them.',
      from: { path: '^(schema|platform|gateway|subgraphs)/', pathNot: [TESTS, SANDBOX] },
      to: { path: SANDBOX },
    },
    {
      name: 'a-country-imports-the-kit-and-the-contract',
      severity: 'error',
      comment: 'A country folder reads in one sitting: it imports the kit, the contract and itself, never another country, the regional subgraph, the gateway or the platform directly.',
      from: { path: '^subgraphs/([a-z]{3})/', pathNot: ['^subgraphs/kit/', TESTS, SANDBOX] },
      to: { path: '^(subgraphs/|gateway/|platform/|bin/|bench/)', pathNot: ['^subgraphs/($1|kit)/'] },
    },
    {
      name: 'regional-knows-no-country',
      severity: 'error',
      comment: 'The regional subgraph reaches countries over HTTP and names none: it imports the kit, the platform and the contract.',
      from: { path: '^subgraphs/regional/', pathNot: TESTS },
      to: { path: '^(subgraphs/(?!kit/|regional/)|gateway/|sandbox/|bin/|bench/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^node_modules|^\\.cache/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
