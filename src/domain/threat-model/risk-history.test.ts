import { MAX_POINTS, recordPoint, type RiskPoint } from './risk-history';

describe('recordPoint', () => {
  const day = (date: string, now: number, coverage?: number): RiskPoint => ({
    date,
    now,
    planned: now / 2,
    ...(coverage === undefined ? {} : { coverage }),
  });

  it('replaces the day’s point, keeping the days in order', () => {
    const history = [day('2026-11-02', 10), day('2026-11-01', 12)];
    expect(recordPoint(history, day('2026-11-02', 8))).toEqual([day('2026-11-01', 12), day('2026-11-02', 8)]);
  });

  it('keeps the coverage the day’s audit recorded when a later point of that day has none', () => {
    const audited = recordPoint([], day('2026-11-02', 10, 50));
    expect(recordPoint(audited, day('2026-11-02', 7))).toEqual([day('2026-11-02', 7, 50)]);
    expect(recordPoint(audited, day('2026-11-02', 7, 60))).toEqual([day('2026-11-02', 7, 60)]);
    // Another day has its own coverage, or none.
    expect(recordPoint(audited, day('2026-11-03', 7))).toEqual([day('2026-11-02', 10, 50), day('2026-11-03', 7)]);
  });

  it('rounds the figures to two decimals, so a year of large, noisy points fits one property', () => {
    let history: RiskPoint[] = [];
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < MAX_POINTS + 5; i++) {
      const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
      history = recordPoint(history, { date, now: 12_161.874999, planned: 11_513.312499, coverage: 100 });
    }
    expect(history).toHaveLength(MAX_POINTS);
    expect(history[0]).toMatchObject({ now: 12_161.87, planned: 11_513.31 });
    // Jira's limit for a property value, with the container the app stores them in.
    expect(JSON.stringify({ v: 1, points: history }).length).toBeLessThanOrEqual(32_768);
  });
});
