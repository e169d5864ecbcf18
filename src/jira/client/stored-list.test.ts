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

  // Found by an attacker's review: entries were written back in their parsed (zod-stripped) form,
  // so a field a newer version added (a suppression's `expiresAt`) was lost at the next write.
  it('writes back the fields a newer version added: an untouched entry’s, an edited entry’s, and the container’s', () => {
    const stored = readListProperty(POINTS, {
      v: 1,
      points: [
        { ...good(1), security: 3 },
        { ...good(2), expiresAt: '2027-01-01' },
      ],
      note: 'kept by a newer app version',
    });
    expect(JSON.parse(JSON.stringify(stored.entries))).toEqual([good(1), good(2)]);
    const [first, second] = stored.entries;
    const value = listValue(POINTS, stored, [first!, { ...second!, now: 7 }, good(3)]);
    expect(JSON.parse(JSON.stringify(value))).toEqual({
      v: 1,
      points: [{ ...good(1), security: 3 }, { ...good(2), now: 7, expiresAt: '2027-01-01' }, good(3)],
      note: 'kept by a newer app version',
    });
  });

  it('keeps an unknown field out of what the entry shows, and lets an edit drop a known one', () => {
    const Optional = z.object({ date: z.string(), now: z.number().optional() });
    const spec = { ...POINTS, entry: Optional } as ListProperty<z.infer<typeof Optional>>;
    const stored = readListProperty(spec, { v: 1, points: [{ date: 'd', now: 1, security: 3 }] });
    expect(JSON.stringify(stored.entries)).toBe('[{"date":"d","now":1}]');
    const { now: _dropped, ...withoutNow } = stored.entries[0]!;
    expect(JSON.parse(JSON.stringify(listValue(spec, stored, [withoutNow])))).toEqual({
      v: 1,
      points: [{ date: 'd', security: 3 }],
    });
  });

  // Jira answers 400 to a value past 32,768 characters: the write is refused with a sentence instead.
  it('refuses a value longer than Jira takes for a property, naming the property', () => {
    const withBroken = readListProperty(POINTS, { v: 1, points: [{ date: 'x'.repeat(32_800) }] });
    expect(() => listValue(POINTS, withBroken, [good(1)])).toThrow(
      new AppError(
        'INVALID_DATA',
        `test.points would be 32,860 characters long with the entry in it that is not valid, past Jira's limit of 32,768 for a property value, so nothing was written; fix or delete entries in that project property, then try again.`,
      ),
    );
    const unlimited = { ...POINTS, max: undefined };
    const tooMany = readListProperty(unlimited, undefined);
    const entries = Array.from({ length: 1_200 }, (_, i) => ({ date: '2026-01-01', now: i }));
    expect(() => listValue(unlimited, tooMany, entries)).toThrow(
      /^test\.points would be [\d,]+ characters long, past Jira/,
    );
    // `{"v":1,"points":[` + good(1) + `,{"date":"` + `"}]}` take 60 characters around the date.
    const justFits = readListProperty(POINTS, { v: 1, points: [{ date: 'x'.repeat(32_768 - 60) }] });
    expect(JSON.stringify(listValue(POINTS, justFits, [good(1)])).length).toBe(32_768);
  });
});
