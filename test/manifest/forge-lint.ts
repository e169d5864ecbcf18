import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lint, parseSourceFile, type LintConfig } from '@forge/lint';
import type { ManifestSchema } from '@forge/manifest';

// Atlassian's `forge lint`, client-side linters only, without a login: called through the
// library as the CLI calls it, with the scope linter reading Jira's OpenAPI files beside the
// project (USE_LOCAL_SWAGGER) instead of downloading them.

export const REPO_ROOT = path.resolve(__dirname, '../..');
const SHARED = path.resolve(REPO_ROOT, '../shared/jira-openapi');
export const OPENAPI_FILES = {
  jira: path.join(SHARED, 'jira-platform-v3.json'),
  jsw: path.join(SHARED, 'jira-software-agile.json'),
};

export interface LintProblem {
  /** repo-relative path, or the name of a generated file */
  file: string;
  line: number;
  level: string;
  message: string;
  missingScope?: string;
}

export interface ForgeLintRun {
  problems: LintProblem[];
  /** the files the linter parsed: lint() silently skips .ts files tsconfig.json's include does not list */
  parsed: string[];
  /** a linter that throws is only logged ("Could not perform some linting actions…"), so the log is checked */
  log: string[];
}

// The only remote flag the client-side linters ask for.
const statsig = { getDeprecatedRuntimes: async () => [] } as unknown as Parameters<typeof lint>[4];

/** Lints repo files (relative to REPO_ROOT) and generated scripts ({ name: source }). */
export async function forgeLint(
  manifest: ManifestSchema,
  files: string[],
  generated: Record<string, string> = {},
): Promise<ForgeLintRun> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'forge-lint-'));
  const noPaths = path.join(scratch, 'no-paths.json');
  fs.writeFileSync(noPaths, '{"paths":{}}');
  const names = new Map(
    Object.entries(generated).map(([name, source]) => {
      const file = path.join(scratch, name);
      fs.writeFileSync(file, source);
      return [file, name] as const;
    }),
  );
  // All six must be set or the linter downloads from developer.atlassian.com.
  const env: Record<string, string> = {
    USE_LOCAL_SWAGGER: '1',
    LOCAL_JIRA_SWAGGER: OPENAPI_FILES.jira,
    LOCAL_JSW_SWAGGER: OPENAPI_FILES.jsw,
    LOCAL_JSM_SWAGGER: noPaths,
    LOCAL_CONF_SWAGGER: noPaths,
    LOCAL_CONF_V2_SWAGGER: noPaths,
    LOCAL_BB_SWAGGER: noPaths,
    XDG_CONFIG_HOME: scratch, // where the linter's download cache (conf) would create a folder
  };
  const savedEnv = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const savedCwd = process.cwd();
  const parsed: string[] = [];
  const log: string[] = [];
  // Generated scripts lie outside tsconfig.json's project, so they are parsed without it.
  const parseFunction: LintConfig['parseFunction'] = (file, parser) => {
    parsed.push(names.get(file) ?? file);
    return parseSourceFile(file, names.has(file) ? (code, f) => parser(code, f, { project: undefined }) : parser);
  };
  Object.assign(process.env, env);
  process.chdir(REPO_ROOT); // manifest.yml, tsconfig.json and src/ are read from the working directory
  try {
    const results = await lint(
      [...files, ...names.keys()],
      manifest,
      'development',
      { info: (m) => log.push(m) },
      statsig,
      { linter: { mode: 'client-side' }, parseFunction },
    );
    const problems = results.flatMap((r) =>
      [...r.errors, ...r.warnings, ...r.approvals].map((p) => ({
        file: names.get(r.file) ?? r.file,
        line: p.line,
        level: p.class,
        message: p.message,
        ...(p.metadata?.missingPermission ? { missingScope: String(p.metadata.missingPermission) } : {}),
      })),
    );
    return { problems, parsed, log };
  } finally {
    process.chdir(savedCwd);
    for (const [k, v] of Object.entries(savedEnv))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
