import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The layer rules of .dependency-cruiser.cjs, shown to catch what a one-level lint pattern
// missed, on a throwaway tree shaped like the app; and the one rule dependency-cruiser cannot
// see: only src/jira spells a Jira REST path.

const ROOT = path.resolve(__dirname, '../..');
const DEPCRUISE = path.join(ROOT, 'node_modules/.bin/depcruise');

function cruise(files: Record<string, string>): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'));
  try {
    const all = { 'tsconfig.json': '{ "compilerOptions": { "strict": true } }', ...files };
    for (const [file, text] of Object.entries(all)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    const roots = ['src', 'static'].filter((root) => fs.existsSync(path.join(dir, root)));
    const run = spawnSync(DEPCRUISE, [...roots, '--config', path.join(ROOT, '.dependency-cruiser.cjs')], {
      cwd: dir,
      encoding: 'utf8',
    });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const JIRA_CLIENT = { 'src/jira/client/jira-client.ts': 'export const get = (path: string) => path;\n' };

describe('the layer rules', () => {
  it('pass a tree whose imports point the allowed way', () => {
    const result = cruise({
      ...JIRA_CLIENT,
      'src/domain/audit/finding.ts': 'export const finding = 1;\n',
      'src/contract/audit.ts': "import { finding } from '../domain/audit/finding';\nexport const a = finding;\n",
      'src/app/audit/audit-view.ts': "import { get } from '../../jira/client/jira-client';\nexport const v = get;\n",
      'static/ui/src/audit/audit-tab.tsx': "import { a } from '../../../../src/contract/audit';\nexport const t = a;\n",
    });
    expect(result.output).toContain('no dependency violations');
    expect(result.status).toBe(0);
  });

  it('catch a domain file two folders deep that imports the Jira edge', () => {
    const result = cruise({
      ...JIRA_CLIENT,
      'src/domain/audit/deep/finding.ts':
        "import { get } from '../../../jira/client/jira-client';\nexport const f = get;\n",
    });
    expect(result.output).toContain('domain-is-pure');
    expect(result.status).not.toBe(0);
  });

  it('catch the domain importing the contract, the browser importing a use case, and an import circle', () => {
    const result = cruise({
      'src/contract/story.ts': 'export const s = 1;\n',
      'src/domain/story/clauses.ts': "import { s } from '../../contract/story';\nexport const c = s;\n",
      'src/app/story/story-view.ts': 'export const view = 1;\n',
      'static/ui/src/story/panel.tsx':
        "import { view } from '../../../../src/app/story/story-view';\nexport const p = view;\n",
      'src/domain/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'src/domain/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
    });
    expect(result.output).toContain('domain-is-pure');
    expect(result.output).toContain('browser-never-imports-the-backend');
    expect(result.output).toContain('no-circular');
    expect(result.status).not.toBe(0);
  });

  it('catch a trigger importing a resolver, and a resolver file importing another', () => {
    const result = cruise({
      'src/resolvers/audit/audit-resolvers.ts': 'export const r = 1;\n',
      'src/resolvers/story/story-resolvers.ts': "import { r } from '../audit/audit-resolvers';\nexport const s = r;\n",
      'src/triggers/daily-risk.ts': "import { r } from '../resolvers/audit/audit-resolvers';\nexport const d = r;\n",
    });
    expect(result.output).toContain('resolvers-never-import-other-resolvers');
    expect(result.output).toContain('triggers-and-cli-never-import-resolvers');
    expect(result.status).not.toBe(0);
  });
});

describe('Jira REST paths', () => {
  const sources = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name));

  it('are spelled only in src/jira (a trigger or use case calls a repository instead)', () => {
    const outside = [...sources(path.join(ROOT, 'src')), ...sources(path.join(ROOT, 'static/ui/src'))]
      .filter((file) => !file.startsWith(path.join(ROOT, 'src/jira') + path.sep))
      .filter((file) => /['`"]\/rest\/(api|agile)\//.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(ROOT, file));
    expect(outside).toEqual([]);
  });
});
