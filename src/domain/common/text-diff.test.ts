import { compactDiff, wordDiff, type DiffPart } from './text-diff';

const join = (parts: DiffPart[], keep: DiffPart['kind']) =>
  parts
    .filter((p) => p.kind === 'same' || p.kind === keep)
    .map((p) => p.text)
    .join('');
const show = (parts: DiffPart[]) =>
  parts.map((p) => (p.kind === 'same' ? p.text : p.kind === 'removed' ? `[-${p.text}]` : `{+${p.text}}`)).join('');

describe('wordDiff', () => {
  it('marks the words one text has and the other has not, old before new', () => {
    const parts = wordDiff(
      'Attackers replay leaked passwords against the sign-in form.',
      'Attackers replay leaked or guessed passwords against the sign-in form and token endpoint.',
    );
    expect(show(parts)).toBe(
      'Attackers replay leaked {+or guessed }passwords against the sign-in [-form.]{+form and token endpoint.}',
    );
  });

  it('gives back both texts exactly, white space included', () => {
    const from = '  Two  spaces,\nand a line.\n';
    const to = 'Two spaces,\n\nand a longer line. ';
    const parts = wordDiff(from, to);
    expect(join(parts, 'removed')).toBe(from);
    expect(join(parts, 'added')).toBe(to);
  });

  it('answers one part for equal texts, and removed then added for texts with nothing in common', () => {
    expect(wordDiff('same words', 'same words')).toEqual([{ kind: 'same', text: 'same words' }]);
    expect(wordDiff('old text', 'new words')).toEqual([
      { kind: 'removed', text: 'old text' },
      { kind: 'added', text: 'new words' },
    ]);
    expect(wordDiff('', 'added')).toEqual([{ kind: 'added', text: 'added' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('keeps texts of the longest description (4,000 characters) exact, edited all over', () => {
    const from = Array.from({ length: 700 }, (_, i) => `w${i % 37}`).join(' ');
    const to = from
      .split(' ')
      .map((w, i) => (i % 50 === 0 ? `${w}x` : w))
      .join(' ');
    const parts = wordDiff(from, to);
    expect(join(parts, 'removed')).toBe(from);
    expect(join(parts, 'added')).toBe(to);
    expect(parts.filter((p) => p.kind === 'added')).toHaveLength(14);
  });
});

describe('compactDiff', () => {
  const long = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' ');

  it('shortens long shared runs to a few words around each change', () => {
    const from = `${long(30, 'a')} old ${long(30, 'b')}`;
    const to = `${long(30, 'a')} new ${long(30, 'b')}`;
    expect(show(compactDiff(wordDiff(from, to), 3))).toBe('… a27 a28 a29 [-old ]{+new }b0 b1 b2 … ');
  });

  it('keeps short shared runs whole, and a shared run between two changes around both', () => {
    expect(show(compactDiff(wordDiff('one two three', 'one 2 three'), 3))).toBe('one [-two ]{+2 }three');
    const from = `x ${long(20, 'm')} y`;
    const to = `X ${long(20, 'm')} Y`;
    expect(show(compactDiff(wordDiff(from, to), 2))).toBe('[-x ]{+X }m0 m1 … m18 m19 [-y]{+Y}');
  });
});
