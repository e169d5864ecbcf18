// The layers, checked at any depth (a lint path pattern only matched one level: a file in
// src/domain/audit/ could import ../../jira/jira-client and lint passed).
//   domain     pure: no Jira, no Forge, no contract, app, resolvers or triggers, no Node built-ins
//   contract   the UI <-> backend contract (src/contract/<capability>.ts): zod and the domain only
//   jira       the one edge that talks to Jira (REST paths, @forge/api), called by the others
//   app        use cases that several callers share (src/app/<capability>/), calling domain and jira
//   resolvers, triggers, cli   call app, domain and jira; never each other, nor a resolver another's
//   static     the browser: domain types and schemas, never the Jira edge or the backend
const TESTS = ['\\.test\\.tsx?$', 'test-support', '-mother\\.ts$'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain is the pure core: no I/O, no Forge, no Jira, no resolvers, triggers or CLI.',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: TESTS },
      to: { path: ['^src/(contract|app|jira|resolvers|triggers|cli)/', '^node_modules/@forge/'] },
    },
    {
      name: 'contract-is-domain-and-zod',
      comment:
        'The browser imports the contract: it names the domain types and schemas, nothing that runs on the backend.',
      severity: 'error',
      from: { path: '^src/contract/', pathNot: TESTS },
      to: { path: ['^src/(app|jira|resolvers|triggers|cli)/', '^node_modules/@forge/'] },
    },
    {
      name: 'contract-no-node-builtins',
      severity: 'error',
      from: { path: '^src/contract/', pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'domain-no-node-builtins',
      comment: 'Tests may read fixture files; the domain itself runs anywhere, the browser included.',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'only-jira-talks-to-jira',
      comment: "@forge/api's requestJira and route belong to src/jira; the others call its functions.",
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/jira/', ...TESTS] },
      to: { path: '^node_modules/@forge/api/' },
    },
    {
      name: 'triggers-and-cli-never-import-resolvers',
      severity: 'error',
      from: { path: '^src/(triggers|cli|jira)/' },
      to: { path: '^src/resolvers/' },
    },
    {
      name: 'resolvers-never-import-other-resolvers',
      comment: 'A use case two resolvers need lives in src/app/<capability>/, called by both.',
      severity: 'error',
      from: { path: '^src/resolvers/.+-resolvers\\.ts$' },
      to: { path: '^src/resolvers/.+-resolvers\\.ts$' },
    },
    {
      name: 'app-never-imports-its-callers',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/(resolvers|triggers|cli)/' },
    },
    {
      name: 'triggers-never-import-triggers',
      severity: 'error',
      from: { path: '^src/triggers/(?!index)', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/triggers/' },
    },
    {
      name: 'browser-never-imports-the-backend',
      severity: 'error',
      from: { path: '^static/' },
      to: { path: ['^src/(app|jira|resolvers|triggers|cli)/', '^local/'] },
    },
    {
      name: 'no-circular',
      comment:
        'An import circle means two modules are one; the contract never closes one (domain types live in the domain).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', 'static/ui/build'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
