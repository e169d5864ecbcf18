import MarkdownIt from 'markdown-it';
import { escapeMarkdown, safeHttpUrl } from './escape';
import { htmlReport } from './html-report';
import { markdownReport } from './markdown-report';
import { buildReport } from './report-model';
import { aReportInput, HOSTILE } from './report-mother';
import { aMitigation, aThreat } from '../compliance/compliance-mother';
import { asvsCoverage } from '../compliance/asvs-coverage';

// The report is read by people who trust it: nothing a Jira user typed may become a link, an
// image, markup or a script in it, in either format.

describe('the threat-model report', () => {
  const report = buildReport(aReportInput({ siteUrl: 'https://acme.atlassian.net' }));

  it('says what auditors ask for: scope, risk and trend, threats, mitigations, accepted risks, audit, ASVS', () => {
    expect(report.counts).toEqual({ activeThreats: 2, retiredThreats: 1, mitigations: 2, tasks: 1 });
    // The critical threat first: its residual risk (20 x 0.5 with M-1 in place) is the highest.
    expect(report.topThreats.map((t) => [t.id, t.severity.band, t.residual, t.stories])).toEqual([
      ['T-1', 'Critical', 10, ['PAY-1', 'PAY-2']],
      ['T-2', 'Medium', 9, []],
    ]);
    expect(report.threats.find((t) => t.id === 'T-3')).toMatchObject({ state: 'retired', residual: 0 });
    expect(report.acceptedRisks).toEqual([
      expect.objectContaining({
        threatId: 'T-2',
        by: 'Bob <Builder>',
        until: '2027-01-31',
        state: 'accepted',
        at: '2026-11-20',
      }),
    ]);
    const md = markdownReport(report);
    for (const heading of [
      '## Scope',
      '## Risk now and its trend',
      '## Top threats',
      '## All threats',
      '## Mitigations',
      '## Accepted risks',
      '## Audit',
      '## OWASP ASVS 5.0.0 coverage, level 3',
    ])
      expect(md).toContain(`${heading}\n`);
    expect(md).toContain('| 2026-11-15 | 24 | 20 |');
    expect(md).toContain('Last complete audit: 2026-12-01 08:00 UTC; 6 findings, 1 suppressed');
    expect(md).toContain('| critical | 1 |');
    expect(md).toContain('345 requirements apply at level 3: 1 implemented, 1 planned, 343 with no mitigation.');
    expect(md).toContain('| V3.4.3 | 2 | Implemented | M-1 Strict CSP | PAY\\-7 (Done \\<x\\>) |');
    expect(md).toContain(`\n${report.coverage.attribution}\n`);
  });

  it('renders Markdown in which hostile text stays text: no link, image, HTML, heading or broken table', () => {
    const rendered = new MarkdownIt({ html: true, linkify: true }).render(markdownReport(report));
    expect(rendered).not.toMatch(/<script|<img|<b>|<h\d>\s*x|<em>y/);
    // The only links are the ASVS attribution's own (the app's sentence), none from the title.
    expect([...rendered.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual([
      'https://owasp.org/www-project-application-security-verification-standard/',
      'https://creativecommons.org/licenses/by-sa/4.0/',
    ]);
    expect(rendered).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(rendered).toContain('[click](javascript:alert(3))');
    // Every table row keeps its seven cells: the "|" in the title did not open another.
    const topRow = rendered.split('<tr>').find((row) => row.includes('T-1'))!;
    expect(topRow.match(/<td/g)).toHaveLength(7);
    expect(escapeMarkdown('a\nb\r\nc')).toBe('a b c');
    // Printed to terminals too: an escape sequence or a bidi override shows as a space.
    expect(escapeMarkdown('Card \u001b[2Jdata \u202Estolen\u0007')).toBe('Card \\[2Jdata stolen');
  });

  it('renders HTML in which hostile text is escaped and the only links go to issues on the site', () => {
    const html = htmlReport(report);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('Bob &lt;Builder&gt;');
    expect(html).toContain('Refunds are capped at 50 EUR &lt;b&gt;');
    const links = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((l) => l!.startsWith('https://acme.atlassian.net/browse/PAY-'))).toBe(true);
    // The chart: an inline SVG with both lines, on the first page before the top threats.
    expect(html.indexOf('<svg')).toBeGreaterThan(0);
    expect(html.indexOf('<svg')).toBeLessThan(html.indexOf('<h2>Top threats</h2>'));
    expect(html.indexOf('<h2>Top threats</h2>')).toBeLessThan(html.indexOf('class="page-break"'));
    expect(html.match(/<path d="M/g)).toHaveLength(2);
    expect(HOSTILE).toContain('<script>');
  });

  it('links issues only on an http(s) site, and says so when there is no audit, history or acceptance', () => {
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('https://acme.atlassian.net/')).toBe('https://acme.atlassian.net');
    const bare = buildReport(
      aReportInput({
        history: [],
        audit: { result: undefined, completedAt: null },
        threats: aReportInput().threats.slice(0, 1),
      }),
    );
    const html = htmlReport(bare);
    expect(html).not.toContain('<a href');
    expect(html).toContain('Fewer than two days of risk history are recorded');
    expect(html).toContain('No complete audit is stored for this project; run the audit.');
    expect(markdownReport(bare)).toContain('No threat of this model has an accepted residual risk.');
    // Stored times are input too: one that is not a time is not printed.
    const input = aReportInput();
    const forged = buildReport({
      ...input,
      threats: input.threats.map((t) => (t.acceptance ? { ...t, acceptance: { ...t.acceptance, at: '<b>x</b>' } } : t)),
      audit: { ...input.audit, completedAt: '<img src=x>' },
    });
    expect(forged.acceptedRisks[0]!.at).toBe('unknown');
    expect(htmlReport(forged)).toContain('Last complete audit: an unreadable time;');
    expect(htmlReport(forged)).not.toMatch(/<b>x|<img/);
  });

  it('fits a 1,000-threat, 2,000-mitigation model in Forge’s 5 MB answer, in either format', () => {
    const threats = Array.from({ length: 1000 }, (_, i) => aThreat(`T-${i + 1}`, { title: 't'.repeat(200) }));
    const mitigations = Array.from({ length: 2000 }, (_, i) =>
      aMitigation(`M-${i + 1}`, [`T-${(i % 1000) + 1}`], 'implemented', {
        title: 'm'.repeat(200),
        asvs: ['v5.0.0-6.3.1', 'v5.0.0-1.2.4'],
        task: { id: String(i), key: `PAY-${i + 1}`, statusName: 'Done', categoryKey: 'done' },
      }),
    );
    const storiesByThreat = new Map(
      threats.map((t, i) => [t.id, Array.from({ length: 30 }, (_, j) => `PAY-${i * 30 + j}`)]),
    );
    const clauseEvidence = { stories: 30_000, storiesWithClauses: 30_000, clauses: 30_000, linkedClauses: 30_000 };
    const big = buildReport(
      aReportInput({
        threats,
        mitigations,
        storiesByThreat,
        coverage: asvsCoverage('asvs-5.0', 3, { threats, mitigations, storiesByThreat, clauseEvidence }),
      }),
    );
    expect(big.threats[0]!.stories).toHaveLength(8);
    expect(htmlReport(big).length).toBeLessThan(5_000_000);
    expect(markdownReport(big).length).toBeLessThan(5_000_000);
  });

  it('says where its story figures come from: the last audit, or not counted (never "none")', () => {
    const audited = { stories: 4, storiesWithClauses: 2, clauses: 3, linkedClauses: 2 };
    const asOfAudit = markdownReport(
      buildReport(
        aReportInput({
          clauseEvidence: { ...audited, source: { kind: 'audit', completedAt: '2026-12-01T08:00:00.000Z' } },
        }),
      ),
    );
    expect(asOfAudit).toContain('as of the audit of 2026-12-01; run the audit to refresh.');
    const uncounted = buildReport(
      aReportInput({
        storiesByThreat: new Map(),
        clauseEvidence: { ...audited, source: { kind: 'uncounted', atLeast: 100 } },
      }),
    );
    expect(uncounted.threats.every((t) => t.storyCount === null)).toBe(true);
    const html = htmlReport(uncounted);
    expect(html).toContain('The stories are not counted yet');
    expect(html).toContain('<td>not counted</td>');
  });
});
