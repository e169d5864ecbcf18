import type { LocalSite } from '../../local/site/server';
import { startTestSite } from '../../test/support/local-site';
import { connectionFlags, runCli } from '../../test/support/cli-run';

interface Coverage {
  standard: string;
  level: number;
  counts: { implemented: number; planned: number; none: number };
  requirements: Array<{
    id: string;
    status: string;
    mitigations: Array<{ id: string; task: { key: string; statusName: string } | null }>;
    evidence?: { summary: string };
  }>;
  attribution: string;
}

describe('without compliance', () => {
  let site: LocalSite;
  beforeAll(async () => {
    site = await startTestSite({ demo: true });
  });
  afterAll(() => site.close());
  const run = (...extra: string[]) => runCli(['compliance', ...connectionFlags(site), ...extra]);

  it('prints the ASVS 5.0 level 2 coverage of the demo as JSON, in a bounded number of Jira requests', async () => {
    const mark = site.log.mark();
    const { code, stdout } = await run('--standard', 'asvs-5.0', '--level', '2', '--format', 'json');
    expect(code).toBe(0);
    const coverage = JSON.parse(stdout) as Coverage;
    expect(coverage).toMatchObject({ standard: 'asvs-5.0', level: 2 });
    // 70 requirements start at level 1 and 183 at level 2.
    expect(coverage.requirements).toHaveLength(253);
    // M-2 (lockout after failed logins, its task Done) meets V6.3.1; M-3 (velocity limits, To Do) V2.4.1.
    const v631 = coverage.requirements.find((r) => r.id === 'V6.3.1')!;
    expect(v631.status).toBe('implemented');
    expect(v631.mitigations).toEqual([
      expect.objectContaining({ id: 'M-2', task: expect.objectContaining({ statusName: 'Done' }) }),
    ]);
    expect(coverage.requirements.find((r) => r.id === 'V2.4.1')!.status).toBe('planned');
    // M-4's V2.3.5 is a level 3 requirement: not listed at level 2.
    expect(coverage.requirements.some((r) => r.id === 'V2.3.5')).toBe(false);
    expect(coverage.counts).toEqual({ implemented: 2, planned: 1, none: 250 });
    expect(coverage.attribution).toMatch(/OWASP Foundation.*CC BY-SA 4\.0/);
    // The model (with the audit's status), the permissions, the project's issue types, the field
    // list, the tasks the model records (by id) and the stories (the command line reads them all).
    expect(
      site.log
        .since(mark)
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    ).toEqual(
      [
        'GET /rest/api/3/project/PAY',
        'GET /rest/api/3/mypermissions',
        'GET /rest/api/3/project/PAY/statuses',
        'GET /rest/api/3/field',
        'POST /rest/api/3/issue/bulkfetch',
        'POST /rest/api/3/search/jql',
      ].sort(),
    );
  });

  it('shows the WITHOUT clauses as the evidence of ASVS 4.0.3 V1.1.3, and prints CSV', async () => {
    const { code, stdout } = await run('--standard', 'asvs-4.0.3', '--level', '2', '--format', 'csv');
    expect(code).toBe(0);
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe(
      'standard,requirement,level,chapter,section,status,mitigations,tasks,threats,stories,evidence,text',
    );
    const v113 = lines.find((l) => l.startsWith('ASVS 4.0.3,V1.1.3,'))!;
    expect(v113).toMatch(/,planned,.*carry WITHOUT clauses/);
    expect(lines.find((l) => l.startsWith('ASVS 4.0.3,V2.2.1,'))).toMatch(/,implemented,M-2 Lock accounts/);
    expect(stdout).toMatch(/OWASP Foundation.*CC BY-SA 4\.0/);
  });

  it('exits 2 on a bad level, standard or token, with a sentence', async () => {
    expect(await run('--level', '4')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--level must be 1, 2 or 3'),
    });
    expect(await run('--standard', 'asvs-3')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--standard must be'),
    });
    const { code, stderr } = await runCli(['compliance', ...connectionFlags(site, { token: 'wrong' })]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/did not accept the email and API token \(401\)/);
  });
});
