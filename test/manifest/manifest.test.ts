import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { validate, type ManifestSchema } from '@forge/manifest';
import { forgeLint, OPENAPI_FILES, REPO_ROOT, type ForgeLintRun, type LintProblem } from './forge-lint';
import { findOpaqueRequestJira, findRouteCalls, lintableSource, type RouteCall } from './route-calls';

const WEBHOOK_FIXTURE = path.join(__dirname, 'fixtures/unscoped-webhook-client.ts');
/** The 1-based line of the first line of `file` that contains `text` (formatting may move it). */
const lineOf = (file: string, text: string): number =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(text)) + 1;

const MANIFEST = path.join(REPO_ROOT, 'manifest.yml');
const UI_BUILD = path.join(REPO_ROOT, 'static/ui/build');
const FIXTURE = path.join(__dirname, 'fixtures/unscoped-webhook-client.ts');

describe('manifest.yml', () => {
  it('passes @forge/manifest full validation (handlers found in src/, resources in place)', async () => {
    // The resource check needs the built Custom UI, which is not committed.
    if (!fs.existsSync(path.join(UI_BUILD, 'index.html')))
      throw new Error(`${UI_BUILD} is missing: run \`npm run build:ui\` first.`);
    const result = await validate(false, MANIFEST);
    expect(
      (result.errors ?? []).map((e) => `manifest.yml:${e.line}:${e.column} ${e.message} (${e.reference})`),
    ).toEqual([]);
    expect(result.success).toBe(true);
    // Full validation reads every handler and resource: 8 s seen on a loaded 2-core machine.
  }, 60_000);
});

const missing = Object.values(OPENAPI_FILES).filter((file) => !fs.existsSync(file));
if (missing.length > 0) console.warn(`Forge scope lint skipped: missing ${missing.join(', ')}`);
const describeIfSpecs = missing.length === 0 ? describe : describe.skip;

describeIfSpecs('Forge scope linter (@forge/lint, offline)', () => {
  const srcFiles = (fs.readdirSync(path.join(REPO_ROOT, 'src'), { recursive: true }) as string[])
    .filter((f) => /\.(ts|tsx|js|jsx)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => path.join('src', f))
    .sort();
  // The app's own calls; tests beside the code are linted too, as `forge lint` would.
  const appFiles = srcFiles.filter((f) => !/\.test\.tsx?$/.test(f));
  const srcRoutes = appFiles.flatMap((f) => findRouteCalls(path.join(REPO_ROOT, f), REPO_ROOT));
  const fixtureRoutes = findRouteCalls(FIXTURE, REPO_ROOT);
  const generated = { 'src-routes.js': srcRoutes, 'fixture-routes.js': fixtureRoutes };
  let declared: ForgeLintRun;
  let undeclared: ForgeLintRun;

  /** "src/jira/x.ts:16: Jira endpoint: …", pointing a generated line back at its `route` template. */
  const describeProblem = (p: LintProblem): string => {
    const routes = generated[p.file as keyof typeof generated];
    const call: RouteCall | undefined = routes?.[p.line - 2];
    return `${call ? call.where : `${p.file}:${p.line}`}: ${p.message}`;
  };
  const problemsIn = (run: ForgeLintRun, file?: string) =>
    run.problems.filter((p) => (file ? p.file === file : p.file !== 'fixture-routes.js')).map(describeProblem);

  beforeAll(async () => {
    const manifest = parse(fs.readFileSync(MANIFEST, 'utf8')) as ManifestSchema;
    const sources = { 'src-routes.js': lintableSource(srcRoutes), 'fixture-routes.js': lintableSource(fixtureRoutes) };
    declared = await forgeLint(manifest, srcFiles, sources);
    // With no scopes declared, every call the linter can match to an OpenAPI path gets an error.
    undeclared = await forgeLint({ ...manifest, permissions: { ...manifest.permissions, scopes: [] } }, [], {
      'src-routes.js': sources['src-routes.js'],
    });
  }, 120_000);

  it('runs every linter to the end (a linter that throws is only logged)', () => {
    expect([...declared.log, ...undeclared.log]).toEqual([]);
  });

  it('parses every file in src/ (lint() skips .ts files unless tsconfig.json include globs list them, e.g. "src/**/*")', () => {
    expect(srcFiles.filter((f) => !declared.parsed.includes(f))).toEqual([]);
  });

  it('sees every Jira call: the only requestJira without a literal path is the transport', () => {
    expect(
      appFiles
        .flatMap((f) => findOpaqueRequestJira(path.join(REPO_ROOT, f), REPO_ROOT))
        .map((w) => w.replace(/:\d+$/, '')),
    ).toEqual(['src/jira/client/forge-transport.ts']);
    expect(
      srcRoutes
        .filter((c) => !c.method)
        .map((c) => `${c.where}: route\`…\` not passed straight to client.get/post/put/delete/send`),
    ).toEqual([]);
    expect(srcRoutes.length).toBeGreaterThan(0);
  });

  it('finds every route of src/ in the OpenAPI files (the linter skips unknown paths without a word)', () => {
    const matched = new Set(undeclared.problems.filter((p) => p.file === 'src-routes.js').map((p) => p.line - 2));
    // An operation the spec documents with no scope at all (GET /rest/agile/1.0/board in the
    // 2022 agile file) is never reported; it is still checked to exist in the spec.
    const unscoped = (c: RouteCall) => c.method !== undefined && documentedWithoutScope(c.method, c.template);
    expect(
      srcRoutes.filter((c, i) => !matched.has(i) && !unscoped(c)).map((c) => `${c.where}: ${c.method} ${c.template}`),
    ).toEqual([]);
  });

  it('reports no missing scope, nor any other error or warning, for src/ and manifest.yml', () => {
    expect(problemsIn(declared)).toEqual([]);
  });

  it('does report a scope manifest.yml lacks (fixture: GET /rest/api/3/webhook)', () => {
    expect(problemsIn(declared, 'fixture-routes.js')).toEqual([
      `test/manifest/fixtures/unscoped-webhook-client.ts:${lineOf(WEBHOOK_FIXTURE, 'route`/rest/api/3/webhook')}: Jira endpoint: GET /rest/api/3/webhook requires "manage:jira-webhook" scope`,
    ]);
  });
});

/** Whether the spec has this operation and requires no OAuth2 scope for it. */
function documentedWithoutScope(method: string, template: string): boolean {
  const pathOnly = template.replace(/`/g, '').split('?')[0] ?? '';
  for (const file of Object.values(OPENAPI_FILES)) {
    const spec = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      paths: Record<string, Record<string, { security?: Array<Record<string, string[]>> }>>;
    };
    for (const [specPath, operations] of Object.entries(spec.paths)) {
      const pattern = new RegExp(`^${specPath.replace(/\{[^}]+\}/g, '[^/]+').replace(/[.]/g, '\\.')}$`);
      if (!pattern.test(pathOnly.replace(/\$\{_\}/g, 'x'))) continue;
      const security = operations[method.toLowerCase()]?.security;
      if (security) return security.every((s) => Object.values(s).every((scopes) => scopes.length === 0));
    }
  }
  return false;
}
