import { asvsCoverage } from './asvs-coverage';
import { aMitigation, aThreat, NO_CLAUSES } from './compliance-mother';
import { COVERAGE_CSV_COLUMNS, coverageCsv } from './coverage-csv';

describe('the coverage CSV', () => {
  const coverage = asvsCoverage('asvs-5.0', 1, {
    threats: [aThreat('T-1')],
    mitigations: [
      aMitigation('M-1', ['T-1'], 'implemented', {
        title: '=HYPERLINK("http://evil.example","click"), and "quotes"',
        asvs: ['v5.0.0-6.3.1'],
        task: { id: '1', key: 'PAY-7', statusName: 'Done', categoryKey: 'done' },
      }),
    ],
    storiesByThreat: new Map([['T-1', ['PAY-1', 'PAY-3']]]),
    clauseEvidence: NO_CLAUSES,
  });
  const records = coverageCsv(coverage).split('\r\n');

  it('has a header, one record per requirement, and the attribution last', () => {
    expect(records[0]).toBe(COVERAGE_CSV_COLUMNS.join(','));
    expect(records).toHaveLength(1 + 70 + 1 + 1); // header, level 1, attribution, the empty string after the last CRLF
    expect(records[71]).toMatch(
      /^"# OWASP Application Security Verification Standard \(ASVS\) by the OWASP Foundation.*CC BY-SA 4\.0/,
    );
  });

  it('quotes fields RFC 4180’s way and keeps a formula from Jira inert', () => {
    const v631 = records.find((r) => r.startsWith('ASVS 5.0.0,V6.3.1,'))!;
    expect(v631).toContain(
      ',implemented,"M-1 =HYPERLINK(""http://evil.example"",""click""), and ""quotes"" (implemented)",PAY-7 (Done),T-1,PAY-1 PAY-3,,',
    );
    const none = records.find((r) => r.startsWith('ASVS 5.0.0,V1.2.1,'))!;
    expect(none).toMatch(/^ASVS 5\.0\.0,V1\.2\.1,1,V1 Encoding and Sanitization,V1\.2 Injection Prevention,none,,,,,,/);
    // A title that starts with = becomes '=… (OWASP's CSV injection advice).
    const alone = coverageCsv({ ...coverage, requirements: [{ ...coverage.requirements[0]!, chapter: '=1+1' }] });
    expect(alone.split('\r\n')[1]).toContain(`,'=1+1,`);
  });
});
