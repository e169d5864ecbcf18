import { recordPoint, type RiskPoint } from './risk-history';

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
});
