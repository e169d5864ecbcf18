import { dateTicks, dayNumber, formatDay } from './chart-dates';
import { CHART_SIZE, chartGeometry } from './chart-geometry';
import { areaPath, linePath } from './chart-paths';
import { linearScale, niceStep, valueTicks } from './chart-scale';
import { describeRisk, formatRisk } from './risk-summary';
import { aRiskHistory } from './test-support/risk-history-mother';

const day = (date: string): number => dayNumber(date);

describe('scales', () => {
  it('maps a domain onto a range, reversed ranges included', () => {
    const y = linearScale([0, 100], [200, 0]);
    expect([y(0), y(50), y(100)]).toEqual([200, 100, 0]);
    expect(linearScale([10, 20], [0, 100])(15)).toBe(50);
  });

  it('maps a domain of one value to the middle of the range', () => {
    expect(linearScale([5, 5], [40, 700])(5)).toBe(370);
  });

  it('steps by 1, 2 or 5 times a power of ten, never below 1', () => {
    expect([0, 0.3, 1, 1.5, 3, 7, 30, 120].map(niceStep)).toEqual([1, 1, 1, 2, 5, 10, 50, 200]);
  });

  it('ticks values from 0 to a round value at or above the maximum', () => {
    expect(valueTicks(120)).toEqual([0, 50, 100, 150]);
    expect(valueTicks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(valueTicks(3)).toEqual([0, 1, 2, 3]);
    expect(valueTicks(0)).toEqual([0, 1]);
    expect(valueTicks(Number.NaN)).toEqual([0, 1]);
  });
});

describe('dates', () => {
  it('counts calendar days in UTC and refuses what is not a date', () => {
    expect(day('1970-01-02')).toBe(1);
    expect(day('2025-03-02') - day('2025-03-01')).toBe(1);
    expect(day('2024-03-01') - day('2024-02-28')).toBe(2);
    expect([day('2025-02-30'), day('2025-3-1'), day('yesterday')].every(Number.isNaN)).toBe(true);
    expect(formatDay(day('2025-03-09'))).toBe('9 Mar 2025');
  });

  it('ticks one date for one day', () => {
    expect(dateTicks(day('2025-03-09'), day('2025-03-09'))).toEqual([{ day: day('2025-03-09'), label: '9 Mar 2025' }]);
  });

  it('ticks every day, two days, week or fortnight for short spans', () => {
    expect(dateTicks(day('2025-03-01'), day('2025-03-03')).map((tick) => tick.label)).toEqual([
      '1 Mar',
      '2 Mar',
      '3 Mar',
    ]);
    expect(dateTicks(day('2025-03-01'), day('2025-03-09')).map((tick) => tick.label)).toEqual([
      '1 Mar',
      '3 Mar',
      '5 Mar',
      '7 Mar',
      '9 Mar',
    ]);
    expect(dateTicks(day('2025-03-01'), day('2025-03-30')).map((tick) => tick.label)).toEqual([
      '1 Mar',
      '8 Mar',
      '15 Mar',
      '22 Mar',
      '29 Mar',
    ]);
    expect(dateTicks(day('2025-03-01'), day('2025-05-01')).map((tick) => tick.label)).toEqual([
      '1 Mar',
      '15 Mar',
      '29 Mar',
      '12 Apr',
      '26 Apr',
    ]);
  });

  it('ticks month starts for long spans, with the year at the start and where it changes', () => {
    const year = dateTicks(day('2024-03-05'), day('2025-03-05'));
    expect(year.map((tick) => tick.label)).toEqual(['May 2024', 'Jul', 'Sep', 'Nov', 'Jan 2025', 'Mar']);
    expect(year[0]?.day).toBe(day('2024-05-01'));
    expect(dateTicks(day('2025-01-01'), day('2025-05-20')).map((tick) => tick.label)).toEqual([
      'Jan 2025',
      'Feb',
      'Mar',
      'Apr',
      'May',
    ]);
  });

  it('never gives more ticks than asked for', () => {
    for (const span of [1, 5, 6, 30, 71, 100, 200, 365, 1000]) {
      expect(dateTicks(0, span).length).toBeLessThanOrEqual(6);
      expect(dateTicks(0, span).length).toBeGreaterThan(0);
    }
  });
});

describe('paths', () => {
  const points = [
    { x: 40, y: 100 },
    { x: 70.004, y: 50.5 },
    { x: 100, y: 80 },
  ];

  it('draws a line through the points, rounded to two decimals', () => {
    expect(linePath(points)).toBe('M40,100 L70,50.5 L100,80');
    expect(linePath([{ x: 1, y: 2 }])).toBe('M1,2');
    expect(linePath([])).toBe('');
  });

  it('closes the area under the line at the baseline', () => {
    expect(areaPath(points, 200)).toBe('M40,200 L40,100 L70,50.5 L100,80 L100,200 Z');
    expect(areaPath([{ x: 1, y: 2 }], 200)).toBe('');
  });
});

describe('chart geometry', () => {
  const { margin, width, height } = CHART_SIZE;

  it('spans the plot from the first to the last day, 0 at the bottom', () => {
    const geometry = chartGeometry(aRiskHistory(30));

    expect(geometry.points).toHaveLength(30);
    expect(geometry.points[0]?.x).toBe(margin.left);
    expect(geometry.points[29]?.x).toBe(width - margin.right);
    expect(geometry.valueTicks.map((tick) => tick.value)).toEqual([0, 50, 100, 150]);
    expect(geometry.valueTicks[0]?.y).toBe(height - margin.bottom);
    expect(geometry.valueTicks[3]?.y).toBe(margin.top);
    expect(geometry.points[0]?.yNow).toBeCloseTo(
      height - margin.bottom - (120 / 150) * (height - margin.top - margin.bottom),
    );
    expect(geometry.dateTicks.map((tick) => tick.label)).toEqual(['1 Mar', '8 Mar', '15 Mar', '22 Mar', '29 Mar']);
    expect(geometry.nowLine.split(' ')).toHaveLength(30);
    expect(geometry.nowArea.endsWith('Z')).toBe(true);
    expect(geometry.plannedLine.startsWith(`M${margin.left},`)).toBe(true);
  });

  it('places a single day in the middle', () => {
    const geometry = chartGeometry(aRiskHistory(1));

    expect(geometry.points[0]?.x).toBe((margin.left + width - margin.right) / 2);
    expect(geometry.nowArea).toBe('');
    expect(geometry.dateTicks.map((tick) => tick.label)).toEqual(['1 Mar 2025']);
  });

  it('sorts the days and leaves out points that are not dated', () => {
    const geometry = chartGeometry([
      { date: '2025-03-03', now: 3, planned: 1 },
      { date: 'not a date', now: 9, planned: 9 },
      { date: '2025-03-01', now: 5, planned: 2 },
    ]);

    expect(geometry.points.map((point) => point.date)).toEqual(['2025-03-01', '2025-03-03']);
    expect(geometry.valueTicks.map((tick) => tick.value)).toEqual([0, 2, 4, 6]);
  });

  it('handles a year of points and no points at all', () => {
    expect(chartGeometry(aRiskHistory(366, { start: '2024-03-01' })).dateTicks.length).toBeLessThanOrEqual(6);
    const empty = chartGeometry([]);
    expect([empty.points, empty.dateTicks, empty.nowLine]).toEqual([[], [], '']);
  });
});

describe('risk summary', () => {
  it('says how risk now moved, over how many days, and where planned risk is', () => {
    expect(describeRisk(aRiskHistory(30))).toBe(
      'Risk now fell from 120 to 95 over 30 days, 1 Mar 2025 to 30 Mar 2025; 75 once planned work is done.',
    );
    expect(describeRisk(aRiskHistory(3, { from: 10, to: 12.25 }))).toBe(
      'Risk now rose from 10 to 12.3 over 3 days, 1 Mar 2025 to 3 Mar 2025; 0 once planned work is done.',
    );
    expect(describeRisk(aRiskHistory(2, { from: 8, to: 8 }))).toBe(
      'Risk now stayed at 8 over 2 days, 1 Mar 2025 to 2 Mar 2025; 0 once planned work is done.',
    );
    expect(describeRisk(aRiskHistory(1))).toBe('Risk now was 95 on 1 Mar 2025; 75 once planned work is done.');
    expect(describeRisk([])).toBe('No risk history yet.');
  });

  it('shows risk with one decimal at most', () => {
    expect([0, 12, 11.25, 7.5, 95.04].map(formatRisk)).toEqual(['0', '12', '11.3', '7.5', '95']);
  });
});
