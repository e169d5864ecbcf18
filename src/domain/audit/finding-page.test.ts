import { withSuppressions } from './audit';
import { audit, threat } from './audit-fixtures';
import { FindingsQuery, findingsPage, NO_FILTERS, threatIdsOf } from './finding-page';
import { threatChoices } from './threat-choices';

// 120 threats, none mitigated or linked: two findings each (no mitigation, no story), 240 in all.
const threats = Array.from({ length: 120 }, (_, i) =>
  threat(`T-${i + 1}`, {
    title: i % 2 ? `Card data stolen ${i + 1}` : `Session hijacked ${i + 1}`,
    impact: (i % 5) + 1,
  }),
);
const result = audit({ threats });

describe('a page of audit findings', () => {
  it('answers 50 findings a page in the result’s order, with the whole result’s counts', () => {
    expect(result.findings.length).toBeGreaterThan(200);
    const pages = Math.ceil(result.findings.length / 50);
    const seen = Array.from({ length: pages }, (_, page) => findingsPage(result, { page }));
    expect(seen.flatMap((p) => p.findings)).toEqual(result.findings);
    expect(seen[0]!.page).toEqual({ page: 0, pageCount: pages, first: 1, last: 50, total: result.findings.length });
    expect(seen.at(-1)!.page.last).toBe(result.findings.length);
    for (const p of seen) {
      expect(p.counts).toEqual(result.counts);
      expect(p.totals).toEqual(result.totals);
    }
  });

  it('combines the filters, and answers the last page for a page past it', () => {
    const filters = { ...NO_FILTERS, kind: 'threat-without-mitigation' as const, text: 'card data' };
    const page = findingsPage(result, { filters, page: 9 });
    expect(page.page).toMatchObject({ page: 1, pageCount: 2, total: 60, first: 51, last: 60 });
    for (const f of page.findings) {
      expect(f.kind).toBe('threat-without-mitigation');
      expect(f.message.toLowerCase()).toContain('card data');
    }
  });

  it('hides suppressed findings only when the filters say so; no filters at all shows them', () => {
    const id = result.findings[0]!.id;
    const suppressed = withSuppressions(result, [
      { findingId: id, why: 'Accepted for now', by: 'alice', at: '2026-03-01T09:00:00.000Z' },
    ]);
    expect(findingsPage(suppressed).findings[0]!.id).toBe(id);
    expect(findingsPage(suppressed, { filters: NO_FILTERS }).findings.map((f) => f.id)).not.toContain(id);
    expect(findingsPage(suppressed, { filters: NO_FILTERS }).page.total).toBe(result.findings.length - 1);
  });

  it('refuses a query that is not one', () => {
    expect(FindingsQuery.safeParse({ page: -1 }).success).toBe(false);
    expect(FindingsQuery.safeParse({ filters: { kind: 'no-such-kind' } }).success).toBe(false);
    expect(FindingsQuery.safeParse({ filters: { text: 'x'.repeat(201) } }).success).toBe(false);
  });

  it('names the threats of its findings only', () => {
    const page = findingsPage(result, { page: 0 });
    const ids = threatIdsOf(page.findings);
    expect(ids.size).toBeGreaterThan(0);
    expect(ids.size).toBeLessThan(threats.length);
    for (const f of page.findings) for (const t of f.entities.threatIds) expect(ids.has(t)).toBe(true);
  });
});

describe('threats to choose from for a fix', () => {
  it('offers the most severe active threats first, an exact id before the ids it starts, and words of titles', () => {
    const retired = threat('T-200', { title: 'Card data retired', state: 'retired' });
    const all = [...threats, retired];
    const severest = threatChoices(all, '');
    expect(severest).toHaveLength(20);
    expect(severest.every((t) => t.severity.score >= severest.at(-1)!.severity.score)).toBe(true);
    expect(threatChoices(all, 't12').map((t) => t.id)[0]).toBe('T-12');
    expect(threatChoices(all, '12').map((t) => t.id)).toEqual(expect.arrayContaining(['T-12', 'T-120']));
    const card = threatChoices(all, 'CARD DATA', 100);
    expect(card).toHaveLength(60);
    expect(card.map((t) => t.id)).not.toContain('T-200');
  });
});
