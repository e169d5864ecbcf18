import { answerBytes, partStarts, textPart, utf8Bytes } from './document-parts';

const joined = (text: string, maxBytes: number) => {
  const parts: string[] = [];
  for (let i = 0, n = 1; i < n; i++) {
    const part = textPart(text, i, maxBytes)!;
    n = part.parts;
    parts.push(part.text);
  }
  return parts;
};

describe('a document handed out in parts', () => {
  it('counts UTF-8 bytes as Node does, and a part’s bytes as its JSON answer carries them', () => {
    for (const text of ['plain', 'é ü', '€ 中文', '😀 and 🚀', '"quoted"\nline\\']) {
      expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, 'utf8'));
      expect(answerBytes(text)).toBe(Buffer.byteLength(JSON.stringify(text), 'utf8') - 2);
    }
  });

  it('cuts any text into parts whose answers stay under the bound and which join into the text', () => {
    const text = `<p>${'Threat "T-1" — 😀 résumé\n'.repeat(5000)}</p>`;
    const parts = joined(text, 10_000);
    expect(parts.join('')).toBe(text);
    expect(parts.length).toBeGreaterThan(10);
    for (const part of parts) {
      expect(answerBytes(part)).toBeLessThanOrEqual(10_000);
      // No part ends inside a surrogate pair: each is well-formed on its own.
      expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(part)).toBe(false);
    }
  });

  it('cuts the same text the same way every time, and says when there is no such part', () => {
    const text = 'x'.repeat(25_000);
    expect(partStarts(text, 10_000)).toEqual([0, 10_000, 20_000]);
    expect(partStarts(text, 10_000)).toEqual(partStarts(text, 10_000));
    expect(textPart(text, 3, 10_000)).toBeUndefined();
    expect(textPart('', 0, 10_000)).toEqual({ text: '', parts: 1 });
  });
});
