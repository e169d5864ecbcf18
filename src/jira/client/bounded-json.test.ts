import { z } from 'zod';
import { nodesWithin, parseBoundedJson, parseEach, parseWithLongLists } from './bounded-json';

describe('parsing a stored value within bounds', () => {
  const limits = { containers: 10, values: 30 };

  it('parses what stays within the counts, and refuses more objects or values before parsing', () => {
    expect(parseBoundedJson('{"a":[1,2,3],"b":{"c":"x"}}', limits)).toEqual({ a: [1, 2, 3], b: { c: 'x' } });
    expect(() => parseBoundedJson(`[${'{},'.repeat(10)}{}]`, limits)).toThrow(/more than the 10 objects/);
    expect(() => parseBoundedJson(`[${'1,'.repeat(40)}1]`, limits)).toThrow(/30 values/);
  });

  it('counts the values of a parsed value up to a bound, nested lists and objects included', () => {
    expect(nodesWithin({ a: [1, 2], b: { c: 3 } }, 6)).toBe(true); // the object, a, 1, 2, b, c
    expect(nodesWithin({ a: [1, 2], b: { c: 3 } }, 5)).toBe(false);
    expect(nodesWithin(new Array(1_000_000).fill(1), 100)).toBe(false);
  });

  it('checks a list one element at a time and stops at the first that fails', () => {
    let checked = 0;
    const element = z.custom<number>((v) => {
      checked++;
      return typeof v === 'number';
    });
    expect(parseEach([1, 2, 3], element, 5)).toEqual([1, 2, 3]);
    checked = 0;
    // A million broken elements cost one check, not a million issues.
    expect(parseEach(['x', ...new Array(1_000_000).fill('y')], element, 5)).toBeUndefined();
    expect(checked).toBe(1);
    // An element holding too many values is refused before its schema looks at it.
    checked = 0;
    expect(parseEach([new Array(100).fill(1)], z.array(element), 50)).toBeUndefined();
    expect(checked).toBe(0);
    expect(parseEach('not a list', element, 5)).toBeUndefined();
  });

  it('parses an object with its long lists checked once, one element at a time, and put back parsed', () => {
    let checked = 0;
    const item = z.custom<number>((v) => {
      checked++;
      return typeof v === 'number';
    });
    const whole = z.object({ name: z.string(), items: z.array(item) });
    expect(parseWithLongLists({ name: 'a', items: [1, 2] }, whole, { items: { element: item, maxNodes: 1 } })).toEqual({
      name: 'a',
      items: [1, 2],
    });
    expect(checked).toBe(2);
    expect(
      parseWithLongLists({ name: 7, items: [1] }, whole, { items: { element: item, maxNodes: 1 } }),
    ).toBeUndefined();
    expect(
      parseWithLongLists({ name: 'a', items: ['x', 2] }, whole, { items: { element: item, maxNodes: 1 } }),
    ).toBeUndefined();
    expect(parseWithLongLists([1], whole, { items: { element: item, maxNodes: 1 } })).toBeUndefined();
  });
});
