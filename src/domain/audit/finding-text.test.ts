import { quote } from './finding-text';

describe('quote', () => {
  // Found by an attacker's review: a title with terminal escapes or a right-to-left override was
  // put into findings as stored, and so into the terminal and the CSV export.
  it('makes control and bidi characters spaces, so the sentence reads as the text is stored', () => {
    expect(quote('Card\u001b[2J\u0007 data\u202egnp.exe')).toBe('"Card [2J data gnp.exe"');
    expect(quote('\u200eLeft\u200f\u061c right\u2066isolated\u2069\u0085')).toBe('"Left right isolated"');
  });

  it('collapses whitespace and cuts a long title', () => {
    expect(quote('  Card\n\tdata  ')).toBe('"Card data"');
    expect(quote('x'.repeat(100), 10)).toBe(`"${'x'.repeat(9)}…"`);
  });
});
