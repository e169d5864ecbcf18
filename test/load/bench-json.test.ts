import { spawn } from 'node:child_process';
import path from 'node:path';

// `npm run -s bench -- --json` on a tiny project, so CI catches a bench that no longer runs or
// whose JSON lost a part: stdout is the JSON and nothing else, every part is there with a verdict
// per row, and the overall verdict agrees with the rows. The figures themselves are the bench's
// business (run it full size for them); only what must hold at any size is asserted here.

const ROOT = path.resolve(__dirname, '../..');
const TINY = [
  '--json',
  '--runs',
  '1',
  '--sizes',
  '20',
  '--models',
  '30:5',
  '--stories',
  '100',
  '--sprint-stories',
  '30',
  '--cpu-baseline',
  '10',
  '--audit-sizes',
  '100',
  '--no-kb',
  '--no-interchange',
  '--no-demo',
];

function runBench(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'test/bench/run-bench.ts', ...args],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Row {
  withinBudget: boolean;
  requests: number;
  requestBudget: number;
  roundTrips: number;
  roundTripBudget: number;
  answerBytes: number;
  peakHeapMb: number;
  ms0: number;
  ms200: number;
  points: number;
  key: string;
}

describe('npm run -s bench -- --json, on a tiny project', () => {
  it('prints only JSON, with every part, a verdict per row and an overall verdict that agrees', async () => {
    const { code, stdout, stderr } = await runBench(TINY);
    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    const report = JSON.parse(stdout) as {
      allWithinBudget: boolean;
      sizes: Array<{ withinBudget: boolean }>;
      scale: {
        models: Array<{
          threats: number;
          tasks: number;
          rows: Row[];
          refresh: Array<{ page: string; requestsPerHour: number; pointsPerHour: number; withinBudget: boolean }>;
        }>;
        editCpu: Array<{ key: string; ratio: number; budget: number | null; withinBudget: boolean }>;
      };
      audit: Array<{ stories: number; timeMs: number; peakHeapMb: number; latencyMs: number; withinBudget: boolean }>;
      notes: string[];
    };

    expect(report.sizes).toHaveLength(1);
    const [model] = report.scale.models;
    expect(report.scale.models).toHaveLength(1);
    expect(model).toMatchObject({ project: 'bench', threats: 30, tasks: 5 });
    const keys = model!.rows.map((r) => r.key);
    for (const key of [
      'story/get',
      'story/changes',
      'threat-model/get',
      'threat-model/changes',
      'sprint/get',
      'threat-model/create-threat',
      'threat-model/update-threat',
      'story/save-clauses',
      'knowledge-base/accept',
    ])
      expect(keys).toContain(key);
    for (const row of model!.rows) {
      expect(row.requests).toBeGreaterThan(0);
      expect(row.roundTrips).toBeGreaterThan(0);
      expect(row.roundTrips).toBeLessThanOrEqual(row.requests);
      expect(row.points).toBeGreaterThanOrEqual(row.requests);
      if (row.requests > row.requestBudget || row.roundTrips > row.roundTripBudget)
        expect(row.withinBudget).toBe(false);
    }
    expect(model!.refresh.map((r) => r.page)).toEqual([
      expect.stringMatching(/^story panel/),
      expect.stringMatching(/^Threat model tab/),
    ]);
    // A refresh costs at least one request, 240 times an hour for the panel.
    expect(model!.refresh[0]!.requestsPerHour).toBeGreaterThanOrEqual(240);
    expect(report.scale.editCpu.find((e) => e.key === 'threat-model/create-threat')).toMatchObject({ budget: 2 });
    expect(report.audit).toEqual([expect.objectContaining({ latencyMs: 200 })]);
    expect(report.notes.join(' ')).toContain('https://developer.atlassian.com/cloud/jira/platform/rate-limiting/');

    const verdicts = [
      ...report.sizes.map((s) => s.withinBudget),
      ...report.scale.models.flatMap((m) => [...m.rows, ...m.refresh].map((r) => r.withinBudget)),
      ...report.scale.editCpu.map((e) => e.withinBudget),
      ...report.audit.map((a) => a.withinBudget),
    ];
    expect(report.allWithinBudget).toBe(verdicts.every(Boolean));
  }, 240_000);
});
