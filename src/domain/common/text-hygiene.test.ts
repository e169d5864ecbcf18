import { checkPersonText, graphemeCount, personText, storedText, type TextRule } from './text-hygiene';

const TITLE: TextRule = { label: 'A threat title', min: 3, max: 200, multiline: false };
const NOTE: TextRule = { label: 'A note', min: 0, max: 1000, multiline: true };

const reason = (text: string, rule: TextRule = TITLE): string | undefined => {
  const checked = checkPersonText(text, rule);
  return checked.ok ? undefined : checked.reason;
};
const cleaned = (text: string, rule: TextRule = TITLE): string | undefined => {
  const checked = checkPersonText(text, rule);
  return checked.ok ? checked.text : undefined;
};

const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'; // 👨‍👩‍👧: three people joined by zero-width joiners
const THUMB = '\u{1F44D}\u{1F3FD}'; // 👍🏽: a thumb and a skin tone

describe('a person’s text', () => {
  it('is trimmed', () => {
    expect(cleaned('  Card data read from logs \u00A0\n')).toBe('Card data read from logs');
  });

  it('refuses text that is empty once trimmed, with the field’s own words', () => {
    expect(reason('   ')).toBe('A threat title needs at least 3 characters');
    expect(reason('', { ...TITLE, tooShort: 'A threat needs a title of at least 3 characters' })).toBe(
      'A threat needs a title of at least 3 characters',
    );
  });

  it.each([
    ['zero-width spaces', '\u200B\u200B\u200B\u200B'],
    ['zero-width joiners and non-joiners', '\u200C\u200D\u200C'],
    ['a word joiner and a byte order mark between spaces', ' \u2060 \uFEFF\u2060 '],
    ['combining accents without a letter', '\u0301\u0301\u0301\u0308'],
    ['a Hangul filler', '\u3164\u3164\u3164'],
  ])('refuses text made only of %s', (_what, text) => {
    expect(reason(text)).toBe('A threat title cannot be made only of invisible characters');
  });

  it('accepts empty text where none is needed, and stores invisible-only text there as empty', () => {
    expect(cleaned('  ', NOTE)).toBe('');
    expect(cleaned('\u200B\n\u200D\u0301', NOTE)).toBe('');
  });

  it.each([
    ['NUL', 'Card\u0000data', 'U+0000', 5],
    ['ESC (a terminal escape)', 'Card \u001B[31mdata', 'U+001B', 6],
    ['DEL', 'Card\u007Fdata', 'U+007F', 5],
    ['a C1 control', 'Card\u0085data', 'U+0085', 5],
    ['a right-to-left override', 'Card\u202Edata', 'U+202E', 5],
    ['a left-to-right embedding', '\u202ACard data', 'U+202A', 1],
    ['a left-to-right isolate', 'Card data \u2066x\u2069', 'U+2066', 11],
    ['a pop directional isolate', 'Card data\u2069', 'U+2069', 10],
    ['a line separator', 'Card\u2028data', 'U+2028', 5],
    ['a lone high surrogate', 'Card\uD83Ddata', 'U+D83D', 5],
    ['a lone low surrogate', 'Card\uDC4Ddata', 'U+DC4D', 5],
  ])('refuses %s, naming it and where it is', (_what, text, code, at) => {
    expect(reason(text)).toBe(
      `A threat title cannot contain invisible or control characters (${code} at character ${at})`,
    );
    expect(reason(text, NOTE)).toBe(
      `A note cannot contain invisible or control characters (${code} at character ${at})`,
    );
  });

  it('counts where a refused character is in characters as people see them', () => {
    expect(reason(`${FAMILY}${THUMB}e\u0301\u202E`)).toBe(
      'A threat title cannot contain invisible or control characters (U+202E at character 4)',
    );
  });

  it('keeps line breaks and tabs in multiline text only', () => {
    expect(cleaned('Checked:\n\t- TLS 1.3', NOTE)).toBe('Checked:\n\t- TLS 1.3');
    expect(reason('Card\ndata')).toBe('A threat title must fit on one line (line break at character 5)');
    expect(reason('Card\tdata')).toBe(
      'A threat title cannot contain invisible or control characters (U+0009 at character 5)',
    );
  });

  it('stores line breaks as LF: CRLF and a lone CR become LF', () => {
    expect(cleaned('one\r\ntwo\rthree\r\n', NOTE)).toBe('one\ntwo\nthree');
    expect(reason('one\r\ntwo')).toBe('A threat title must fit on one line (line break at character 4)');
  });

  it('keeps the zero-width joiners and non-joiners that emoji and scripts need', () => {
    expect(cleaned(`Family ${FAMILY}`)).toBe(`Family ${FAMILY}`);
    expect(cleaned('\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645')).toBe(
      '\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645',
    );
  });

  it('counts characters as people see them: an emoji sequence or an accented letter is one', () => {
    expect(graphemeCount(FAMILY)).toBe(1);
    expect(graphemeCount(THUMB)).toBe(1);
    expect(graphemeCount('\u{1F1EB}\u{1F1F7}')).toBe(1); // a flag: two regional indicators
    expect(graphemeCount('Cafe\u0301')).toBe(4);
    expect(graphemeCount('\u{1F600}'.repeat(200))).toBe(200);
  });

  it('measures min and max in those characters', () => {
    expect(cleaned(FAMILY.repeat(200))).toBe(FAMILY.repeat(200));
    expect(cleaned('\u{1F600}'.repeat(200))).toBe('\u{1F600}'.repeat(200));
    expect(reason('\u{1F600}'.repeat(201))).toBe('A threat title can have at most 200 characters');
    expect(reason('e\u0301'.repeat(200))).toBeUndefined();
    expect(reason('e\u0301'.repeat(2))).toBe('A threat title needs at least 3 characters');
    expect(reason(THUMB.repeat(3))).toBeUndefined();
    expect(cleaned(THUMB.repeat(200))).toBe(THUMB.repeat(200));
    expect(reason(THUMB.repeat(201))).toBe('A threat title can have at most 200 characters');
  });

  it('uses a field’s own words for too short and too long', () => {
    const rule = { ...TITLE, tooShort: 'Say more', tooLong: 'Say less' };
    expect(reason('ab', rule)).toBe('Say more');
    expect(reason('x'.repeat(201), rule)).toBe('Say less');
  });
});

describe('the zod helpers', () => {
  it('parse a person’s text to the cleaned text, or fail with the reason', () => {
    const Title = personText(TITLE);
    expect(Title.parse('  Card data  ')).toBe('Card data');
    expect(Title.safeParse('\u200B').error?.issues[0]?.message).toBe(
      'A threat title cannot be made only of invisible characters',
    );
    expect(Title.safeParse(42).success).toBe(false);
  });

  it('read stored text as saved, checking only its length the same way', () => {
    const Stored = storedText(TITLE);
    expect(Stored.parse('Card\u202Edata')).toBe('Card\u202Edata');
    expect(Stored.parse('\u{1F600}'.repeat(200))).toBe('\u{1F600}'.repeat(200));
    expect(Stored.safeParse('x'.repeat(201)).error?.issues[0]?.message).toBe(
      'A threat title can have at most 200 characters',
    );
  });
});
