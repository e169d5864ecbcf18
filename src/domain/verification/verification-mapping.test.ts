import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accept, actor, byHand, kb } from '../monitoring/monitoring-mother';
import { residualRisk } from '../threat-model/residual-risk';
import { editMitigation, emptyThreatModel, findMitigation, type ThreatModel } from '../threat-model/threat-model';
import { readSarifFile, SarifFileError } from './read-sarif-file';
import { recordSarifOutcome, recordVerificationNote } from './record-verification';
import { sarifReport } from './sarif-findings';
import { ANSWERED_RESULTS_MAX, answeredMapping, mapSarifResults } from './verification-mapping';
import { verificationFailed } from './verification-record';
import { Mitigation } from '../mitigation/mitigation';

const DEMO_SARIF = readFileSync(join(__dirname, '../../../local/site/seed/demo-codeql.sarif'), 'utf8');

/** T-1 XSS from the built-in knowledge base (WEB-T-02, CWE-79) with its mitigation WEB-M-12 set to `status`. */
function xssProject(status: 'implemented' | 'accepted' = 'implemented'): { model: ThreatModel; xssMitigation: string } {
  const model = accept(emptyThreatModel(), 'WEB-T-02');
  const mitigation = model.mitigations.find((m) => m.source?.templateId === 'WEB-M-12')!;
  const { id, revision, task: _t, created: _c, updated: _u, source: _s, ...draft } = mitigation;
  return { model: editMitigation(model, id, revision, { ...draft, status }, actor).model, xssMitigation: id };
}

const map = (model: ThreatModel, text = DEMO_SARIF) =>
  mapSarifResults(sarifReport(readSarifFile(text, 'demo-codeql.sarif')), model, [kb]);

describe('mapping SARIF results to the threat model', () => {
  it("marks the XSS mitigation 'verification failed' for CodeQL's CWE-79 result", () => {
    const { model, xssMitigation } = xssProject();
    const mapping = map(model);
    expect(mapping.tools).toEqual(['CodeQL']);
    const xss = mapping.results.find((r) => r.ruleId === 'js/reflected-xss')!;
    expect(xss).toMatchObject({
      cwe: ['CWE-79', 'CWE-116'],
      location: 'src/checkout/receipt-page.ts:42',
      threats: [{ id: 'T-1' }],
    });
    expect(xss.via).toContain('CWE-79 of T-1');
    expect(mapping.failing.map((f) => f.id)).toEqual([xssMitigation]);

    const rules = { countDetective: false };
    const before = residualRisk(model.threats[0]!, model.mitigations, rules);
    const recorded = recordSarifOutcome(model, mapping, actor);
    expect(recorded.failed).toEqual([xssMitigation]);
    const marked = findMitigation(recorded.model, xssMitigation);
    expect(verificationFailed(marked)).toBe(true);
    expect(marked.verifications?.[0]).toMatchObject({
      source: 'sarif',
      outcome: 'fail',
      tool: 'CodeQL',
      resultCount: 1,
    });
    // It counts as not implemented: the threat's residual risk goes back up.
    expect(residualRisk(recorded.model.threats[0]!, recorded.model.mitigations, rules)).toBeGreaterThan(before);
  });

  it('does not fail a mitigation that is not in place, nor map a CWE the model does not name', () => {
    const { model } = xssProject('accepted');
    const mapping = map(model);
    expect(mapping.failing).toEqual([]);
    expect(mapping.results.find((r) => r.ruleId === 'js/insecure-randomness')).toMatchObject({
      cwe: ['CWE-338'],
      threats: [],
      mitigations: [],
    });
  });

  it('maps a CWE set by hand on a threat, a Semgrep tag and a ZAP taxon', () => {
    let model = byHand(emptyThreatModel(), 'Script injected into the receipt page');
    model = { ...model, threats: model.threats.map((t) => ({ ...t, cwe: ['CWE-79'] })) };
    const semgrep = JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'Semgrep OSS',
              rules: [{ id: 'xss.direct-write', properties: { tags: ['CWE-79: Improper Neutralization of Input'] } }],
            },
          },
          results: [{ ruleId: 'xss.direct-write', message: { text: 'direct write' } }],
        },
        {
          tool: { driver: { name: 'ZAP', rules: [{ id: '40012' }] } },
          taxonomies: [{ name: 'CWE', taxa: [{ id: '79' }] }],
          results: [
            {
              ruleId: '40012',
              message: { text: 'Cross Site Scripting (Reflected)' },
              taxa: [{ index: 0, toolComponent: { index: 0 } }],
            },
            { ruleId: '40012', message: { text: 'fixed' }, baselineState: 'absent' },
          ],
        },
      ],
    });
    const mapping = map(model, semgrep);
    expect(mapping.results.map((r) => [r.tool, r.cwe, r.threats.map((t) => t.id)])).toEqual([
      ['Semgrep OSS', ['CWE-79'], ['T-1']],
      ['ZAP', ['CWE-79'], ['T-1']],
    ]);
    expect(mapping.closed).toBe(1);
  });

  it('maps a rule id the project maps to a mitigation', () => {
    const { model, xssMitigation } = xssProject();
    const withRule = {
      ...model,
      settings: { ...model.settings, verificationRules: [{ ruleId: 'js/insecure-randomness', target: xssMitigation }] },
    };
    const mapping = map(withRule);
    expect(mapping.results.find((r) => r.ruleId === 'js/insecure-randomness')?.via).toEqual([
      `rule js/insecure-randomness mapped to ${xssMitigation}`,
    ]);
    expect(mapping.failing[0]?.results.map((r) => r.ruleId)).toEqual(['js/reflected-xss', 'js/insecure-randomness']);
  });

  it('passes a failed mitigation once a later run of the same tool no longer reports it', () => {
    const { model, xssMitigation } = xssProject();
    const failed = recordSarifOutcome(model, map(model), actor).model;
    const clean = JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'CodeQL' } }, results: [] }] });
    const again = recordSarifOutcome(failed, map(failed, clean), actor);
    expect(again.passed).toEqual([xssMitigation]);
    expect(verificationFailed(findMitigation(again.model, xssMitigation))).toBe(false);
  });

  it('records nothing new when the same results are uploaded again', () => {
    const { model, xssMitigation } = xssProject();
    const once = recordSarifOutcome(model, map(model), actor).model;
    const twice = recordSarifOutcome(once, map(once), actor);
    expect(twice.failed).toEqual([xssMitigation]);
    expect(findMitigation(twice.model, xssMitigation).verifications).toHaveLength(1);
    expect(twice.model).toBe(once);
  });

  it('never pushes a note by hand out for SARIF records: the newest 5 of each are kept', () => {
    const { model, xssMitigation } = xssProject();
    const { revision } = findMitigation(model, xssMitigation);
    const note = { outcome: 'pass' as const, evidence: 'https://ci.example.com/run/7', note: 'Pen test' };
    let current = recordVerificationNote(model, xssMitigation, revision, note, actor).model;
    for (let run = 1; run <= 7; run++) {
      // A different location each run, so each is news.
      const text = DEMO_SARIF.replace('src/checkout/receipt-page.ts', `src/checkout/receipt-page-${run}.ts`);
      current = recordSarifOutcome(current, map(current, text), actor).model;
    }
    const records = findMitigation(current, xssMitigation).verifications!;
    expect(records.filter((r) => r.source === 'manual')).toHaveLength(1);
    expect(records.filter((r) => r.source === 'sarif')).toHaveLength(5);
    expect(records.at(-1)?.results?.[0]?.location).toContain('receipt-page-7.ts');
  });

  it('answers at most 200 results of a huge file, mapped first, each once, with the counts', () => {
    const { model } = xssProject();
    const results = Array.from({ length: 3000 }, (_, i) => ({
      ruleId: i % 2 ? `noise/${i}` : 'js/reflected-xss',
      message: { text: 'x'.repeat(1500) },
      locations: [{ physicalLocation: { artifactLocation: { uri: `src/f${i}.ts` }, region: { startLine: 1 } } }],
    }));
    const rules = [{ id: 'js/reflected-xss', properties: { tags: ['external/cwe/cwe-079'] } }];
    const text = JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'CodeQL', rules } }, results }] });
    const full = map(model, text);
    expect(JSON.stringify(full).length).toBeGreaterThan(3_000_000);
    const answer = answeredMapping(full);
    expect(answer.counts).toEqual({ results: 3000, mapped: 1500 });
    expect(answer.mapping.results).toHaveLength(ANSWERED_RESULTS_MAX);
    expect(answer.mapping.results.every((r) => r.threats.length > 0)).toBe(true);
    expect(answer.mapping.failing.every((f) => f.results.length === 0)).toBe(true);
    expect(JSON.stringify(answer).length).toBeLessThan(1_000_000);
  });

  it('records a note by hand, refusing a stale revision', () => {
    const { model, xssMitigation } = xssProject();
    const { revision } = findMitigation(model, xssMitigation);
    const note = {
      outcome: 'partial' as const,
      evidence: 'https://ci.example.com/run/7',
      note: 'Only the receipt page',
    };
    const saved = recordVerificationNote(model, xssMitigation, revision, note, actor);
    expect(saved.mitigation.verifications).toEqual([
      { source: 'manual', ...note, recorded: { accountId: actor.accountId, at: actor.now } },
    ]);
    // The same note sent again (its answer lost) is not a conflict; another one from the old revision is.
    expect(recordVerificationNote(saved.model, xssMitigation, revision, note, actor).mitigation).toBe(saved.mitigation);
    expect(() =>
      recordVerificationNote(saved.model, xssMitigation, revision, { ...note, outcome: 'fail' }, actor),
    ).toThrow(/Someone else changed/);
  });
});

describe('reading a SARIF file', () => {
  it('refuses malformed JSON and a shape that is not SARIF 2.1.0 with file:line:col', () => {
    expect(() => readSarifFile('{\n  "version": "2.1.0",\n  "runs": [\n', 'x.sarif')).toThrow(SarifFileError);
    expect(() => readSarifFile('{\n  "version": "2.1.0",\n  "runs": [\n', 'x.sarif')).toThrow(/^x\.sarif:3:\d+: /);
    expect(() => readSarifFile('{\n  "version": "2.0.0",\n  "runs": []\n}', 'y.sarif')).toThrow(
      /^y\.sarif:2:14: not SARIF 2\.1\.0: "version" Only SARIF 2\.1\.0 is read/,
    );
    expect(() => readSarifFile('{"version": "2.1.0", "runs": [{"tool": {}}]}', 'z.sarif')).toThrow(
      /^z\.sarif:1:40: not SARIF 2\.1\.0: "runs\.0\.tool\.driver" is missing/,
    );
  });
});

describe('recording what a hostile file says', () => {
  it('cuts long rule ids and tool names so the stored record always reads back', () => {
    const { model, xssMitigation } = (() => {
      const m = accept(emptyThreatModel(), 'WEB-T-02');
      const mitigation = m.mitigations.find((x) => x.source?.templateId === 'WEB-M-12')!;
      const { id, revision, task: _t, created: _c, updated: _u, source: _s, ...draft } = mitigation;
      return {
        model: editMitigation(m, id, revision, { ...draft, status: 'existing' }, actor).model,
        xssMitigation: id,
      };
    })();
    const long = 'r'.repeat(5000);
    const text = JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 't'.repeat(1000), rules: [{ id: long, properties: { tags: ['CWE-79'] } }] } },
          results: [{ ruleId: long, message: { text: 'm'.repeat(5000) } }],
        },
      ],
    });
    const recorded = recordSarifOutcome(model, map(model, text), actor);
    const stored = JSON.parse(JSON.stringify(findMitigation(recorded.model, xssMitigation))) as unknown;
    expect(Mitigation.safeParse(stored).success).toBe(true);
  });
});
