import type { LocalSite } from '../../local/site/server';
import { startTestSite } from '../../test/support/local-site';
import { connectionFlags, runCli } from '../../test/support/cli-run';
import { siteClient } from '../../test/support/jira-clients';
import { runAuditJob } from '../app/audit/run-audit-job';
import { changeThreatModel } from '../jira/threat-model/threat-model-repository';

describe('without report', () => {
  let site: LocalSite;
  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    // A hostile title, as anyone who may edit the model could write through the REST API.
    await changeThreatModel(siteClient(site), 'PAY', 'test', (model) => ({
      model: {
        ...model,
        threats: model.threats.map((t) =>
          t.id === 'T-1' ? { ...t, title: '<script>alert(1)</script> [x](https://evil.example)' } : t,
        ),
      },
      result: undefined,
    }));
  });
  afterAll(() => site.close());
  const run = (...extra: string[]) => runCli(['report', ...connectionFlags(site), ...extra]);

  it('prints the Markdown report of the demo on stdout, in one round of reads', async () => {
    const mark = site.log.mark();
    const { code, stdout } = await run('--format', 'md');
    expect(code).toBe(0);
    const requests = site.log.since(mark).map((r) => `${r.method} ${r.path}`);
    expect(requests.sort()).toEqual(
      [
        'GET /rest/api/3/project/PAY', // the model (meta, shards and the audit's status in one answer)
        'GET /rest/api/3/mypermissions',
        'GET /rest/api/3/project/PAY', // the project's name
        'POST /rest/api/3/issue/bulkfetch', // the mitigation tasks the model records, by id
        'GET /rest/api/3/field', // the WITHOUT clauses field's id and name
        'POST /rest/api/3/search/jql', // the stories
        'GET /rest/api/3/project/PAY/statuses', // the issue types: only counted types Jira knows are searched
        'GET /rest/api/3/project/PAY/properties/without.risk-history',
        // No complete audit: no result parts, no story index.
      ].sort(),
    );
    expect(stdout).toMatch(/^# Threat model report\\: Payments \\\(PAY\\\)\n/);
    expect(stdout).toContain('- Threats: 11 active, 1 retired');
    expect(stdout).toContain(
      '| M-2 | Lock accounts after repeated failed logins | implemented | preventive | T-5 | PAY\\-21 (Done) |',
    );
    expect(stdout).toContain('\\<script\\>alert\\(1\\)\\<\\/script\\> \\[x\\]\\(https\\:');
    expect(stdout).not.toContain('<script>');
    expect(stdout).toContain('## OWASP ASVS 5.0.0 coverage, level 2');
    expect(stdout).toContain('No complete audit is stored for this project; run the audit.');
  });

  it('prints self-contained HTML with the chart, links to the site’s issues and the audit once one ran', async () => {
    // The report reads the stored result of the app's audit (the Audit tab's run; `without audit` stores nothing).
    await runAuditJob(siteClient(site), { projectKey: 'PAY', runId: 'run-1', requestedBy: '712020:alice' });
    const { code, stdout } = await run('--format', 'html', '--standard', 'asvs-4.0.3', '--level', '2');
    expect(code).toBe(0);
    expect(stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(stdout).toContain('<svg');
    expect(stdout).toContain(`<a href="${site.url}/browse/PAY-21">PAY-21</a>`);
    expect(stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(stdout).not.toMatch(/<script|<link|src="http/);
    expect(stdout).toContain('OWASP ASVS 4.0.3 coverage, level 2');
    expect(stdout).toContain('evidence for ASVS 4.0.3 V1.1.3');
    expect(stdout).toMatch(/Last complete audit: \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC; \d+ findings/);
  });

  it('exits 2 on a bad format, with a sentence', async () => {
    expect(await run('--format', 'pdf')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--format must be one of md, html'),
    });
  });
});
