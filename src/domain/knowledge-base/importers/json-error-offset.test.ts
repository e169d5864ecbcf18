import { jsonErrorOffset } from './json-error-offset';

describe('jsonErrorOffset', () => {
  it('finds nothing wrong in valid JSON', () => {
    for (const text of ['[]', '{}', ' {"a": [1, -2.5e3, true, null, "x\\"y\\u00e9"], "": {}} ', '""']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(jsonErrorOffset(text)).toBeUndefined();
    }
  });

  it('finds the place of an unexpected token, which V8 (Node 20) leaves out of its message', () => {
    expect(() => JSON.parse('[1, x]')).toThrow(/Unexpected token/);
    expect(jsonErrorOffset('[1, x]')).toBe(4);
  });

  it.each([
    ['{"a" 1}', 5],
    ['{"a": 1,}', 8],
    ['[1 2]', 3],
    ['{"a": "b\\q"}', 9],
    ['["a\nb"]', 3],
    ['["\\u12"]', 6],
    ['[1] [2]', 4],
    ['[01]', 2],
  ])('places the error in %j at offset %i, where V8 places it', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow(new RegExp(`position ${offset}\\b`));
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('places the error of a truncated text at its end', () => {
    expect(jsonErrorOffset('[{"a": "b')).toBe(9);
    expect(jsonErrorOffset('[{"a": ')).toBe(7);
  });
});
