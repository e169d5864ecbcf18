import { z } from 'zod';
import { AppError } from '../../domain/common/app-error';
import { listValue, readListProperty, type ListProperty } from './stored-list';

const Point = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), now: z.number().min(0) });
const POINTS: ListProperty<z.infer<typeof Point>> = {
  key: 'test.points',
  field: 'points',
  max: 8,
  entry: Point,
  entryName: 'Point',
  labelField: 'date',
  ignored: 'is not shown',
  unreadable: 'The points cannot be read.',
  refusal: 'The points cannot be read, so the app will not overwrite them.',
};
const good = (day: number) => ({ date: `2026-01-0${day}`, now: day });

describe('a stored list read entry by entry', () => {
  it('keeps the valid entries, names the broken ones, and writes those back as stored', () => {
    const broken = { date: '2026-01-02', now: -1, extra: [1, 2] };
    const stored = readListProperty(POINTS, { v: 1, points: [good(1), broken, 'junk'] });
    expect(stored).toMatchObject({ readable: true, entries: [good(1)], broken: [broken, 'junk'] });
    expect(stored.problems).toEqual([
      'Point 2 ("2026-01-02") in test.points is not valid and is not shown (now: Too small: expected number to be >=0); the app keeps it as stored until someone fixes or deletes it.',
      expect.stringMatching(/^Point 3 in test\.points is not valid and is not shown \(value: /),
    ]);
    expect(listValue(POINTS, stored, [good(1), good(3)])).toEqual({ v: 1, points: [good(1), good(3), broken, 'junk'] });
  });

  it('refuses to write over a container it cannot read, with the property’s sentence', () => {
    for (const raw of [
      { v: 2, points: [] },
      { v: 1, points: 'x' },
      [good(1)],
      'text',
      { v: 1, points: Array.from({ length: 9 }, () => good(1)) },
    ]) {
      const stored = readListProperty(POINTS, raw);
      expect(stored).toMatchObject({ readable: false, entries: [], problems: ['The points cannot be read.'] });
      expect(() => listValue(POINTS, stored, [good(1)])).toThrow(new AppError('INVALID_DATA', POINTS.refusal));
    }
  });

  it('reads a missing property as an empty list it may write', () => {
    const stored = readListProperty(POINTS, undefined);
    expect(stored).toEqual({ readable: true, entries: [], broken: [], problems: [] });
    expect(listValue(POINTS, stored, [good(1)])).toEqual({ v: 1, points: [good(1)] });
  });

  it('names the first five broken entries and counts the rest', () => {
    const stored = readListProperty(POINTS, {
      v: 1,
      points: Array.from({ length: 7 }, (_, i) => ({ date: `bad-${i}` })),
    });
    expect(stored.problems).toHaveLength(6);
    expect(stored.problems[5]).toBe('2 more entries in test.points are not valid and kept as stored.');
  });

  it('refuses a write the broken entries would push past the limit', () => {
    const stored = readListProperty(POINTS, { v: 1, points: [good(1), ...Array.from({ length: 6 }, () => 'junk')] });
    expect(() => listValue(POINTS, stored, [good(1), good(2), good(3)])).toThrow(
      /test\.points holds 6 entries that are not valid/,
    );
  });
});
