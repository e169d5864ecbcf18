import { AppError } from '../domain/common/app-error';
import { Suppression, suppress } from '../domain/audit/suppression';
import { MitigationDraft } from '../domain/mitigation/mitigation';
import { ClausesEdit, KbUpload, QuestionAnswerEdit } from '.';
import { readStoryClauses } from '../domain/story/story-clauses';
import { Threat, ThreatDraft } from '../domain/threat-model/threat';
import { WithoutClauseDraft } from '../domain/story/without-clause';

// Every schema that parses text a person wrote applies the one text rule (./text-hygiene):
// invisible-only and control characters are refused, and 200 emoji are 200 characters.

const ZERO_WIDTH = '\u200B';
const RLO = '\u202E';
// 👍🏽 (a thumb and a skin tone): one character to a person, two code points and four UTF-16 units.
const emoji = (n: number): string => '\u{1F44D}\u{1F3FD}'.repeat(n);
const messageOf = (result: { error?: { issues: Array<{ message: string }> } }): string | undefined =>
  result.error?.issues[0]?.message;

const threatDraft = (title: string, more: Partial<Record<'description' | 'component', string>> = {}) => ({
  title,
  stride: ['I'],
  probability: 4,
  impact: 5,
  ...more,
});
const mitigationDraft = (
  title: string,
  more: Partial<Record<'implementation' | 'verification' | 'rejectionReason' | 'status', string>> = {},
) => ({
  title,
  addresses: [{ threatId: 'T-1', strength: 50 }],
  ...more,
});
const clausesEdit = (text: string) => ({ baseRevision: 0, clauses: [{ id: 'c1', text, threatIds: [] }] });
const answerEdit = (note: string) => ({
  threatId: 'T-1',
  questionKey: 'builtin/q1',
  answer: 'yes',
  note,
  expectedAt: null,
});
const carol = { accountId: '712020:carol', now: '2026-03-01T09:00:00.000Z' };

describe('a threat draft', () => {
  it('refuses a title of zero-width spaces', () => {
    expect(messageOf(ThreatDraft.safeParse(threatDraft(ZERO_WIDTH.repeat(3))))).toBe(
      'A threat title cannot be made only of invisible characters',
    );
  });

  it('accepts a title of 200 emoji and refuses 201, as the form counts them', () => {
    expect(ThreatDraft.parse(threatDraft(emoji(200))).title).toBe(emoji(200));
    expect(messageOf(ThreatDraft.safeParse(threatDraft(emoji(201))))).toBe(
      'A threat title can have at most 200 characters',
    );
  });

  it('refuses a bidi override in the description and a control character in the component', () => {
    expect(messageOf(ThreatDraft.safeParse(threatDraft('Card data', { description: `Logs ${RLO}txt.exe` })))).toBe(
      'A description cannot contain invisible or control characters (U+202E at character 6)',
    );
    expect(messageOf(ThreatDraft.safeParse(threatDraft('Card data', { component: 'Check\u0000out' })))).toBe(
      'A component cannot contain invisible or control characters (U+0000 at character 6)',
    );
  });

  it('keeps the description’s line breaks, as LF', () => {
    expect(ThreatDraft.parse(threatDraft('Card data', { description: 'One\r\nTwo\tthree' })).description).toBe(
      'One\nTwo\tthree',
    );
  });
});

describe('a stored threat', () => {
  it('stays readable when saved before the rule: a bidi override, emoji, a short title', () => {
    const stored = {
      ...threatDraft(`Card ${RLO}data ${emoji(150)}`),
      description: '',
      component: '',
      id: 'T-1',
      source: { kind: 'manual' },
      state: 'active',
      created: { accountId: 'a', at: carol.now },
      updated: { accountId: 'a', at: carol.now },
      revision: 1,
    };
    expect(Threat.parse(stored).title).toBe(`Card ${RLO}data ${emoji(150)}`);
    expect(Threat.safeParse({ ...stored, title: 'x'.repeat(201) }).success).toBe(false);
  });
});

describe('a mitigation draft', () => {
  it('refuses a title of zero-width spaces', () => {
    expect(messageOf(MitigationDraft.safeParse(mitigationDraft(`${ZERO_WIDTH}\u2060\uFEFF`)))).toBe(
      'A mitigation title cannot be made only of invisible characters',
    );
  });

  it('accepts a title of 200 emoji and refuses 201', () => {
    expect(MitigationDraft.parse(mitigationDraft(emoji(200))).title).toBe(emoji(200));
    expect(messageOf(MitigationDraft.safeParse(mitigationDraft(emoji(201))))).toBe(
      'A mitigation title can have at most 200 characters',
    );
  });

  it.each([
    ['implementation', 'What to implement'],
    ['verification', 'How to verify'],
    ['rejectionReason', 'A rejection reason'],
  ] as const)('refuses a bidi override in %s, and counts its emoji as characters', (field, label) => {
    expect(messageOf(MitigationDraft.safeParse(mitigationDraft('WAF rule', { [field]: `ab${RLO}` })))).toBe(
      `${label} cannot contain invisible or control characters (U+202E at character 3)`,
    );
    expect(MitigationDraft.safeParse(mitigationDraft('WAF rule', { [field]: emoji(1000) })).success).toBe(true);
  });

  it('still needs a reason to reject, and one of zero-width spaces is none', () => {
    expect(
      messageOf(
        MitigationDraft.safeParse(
          mitigationDraft('WAF rule', { status: 'rejected', rejectionReason: ` ${ZERO_WIDTH}\u0301 ` }),
        ),
      ),
    ).toBe('Say why the mitigation is rejected');
  });
});

describe('the WITHOUT clauses a person saves', () => {
  it('refuses a clause of zero-width spaces', () => {
    expect(messageOf(WithoutClauseDraft.safeParse({ id: 'c1', text: ZERO_WIDTH.repeat(5), threatIds: [] }))).toBe(
      'A WITHOUT clause cannot be made only of invisible characters',
    );
    expect(messageOf(ClausesEdit.safeParse(clausesEdit(ZERO_WIDTH.repeat(5))))).toBe(
      'A WITHOUT clause cannot be made only of invisible characters',
    );
  });

  it('accepts a clause of 200 emoji (and 500), refuses 501', () => {
    expect(ClausesEdit.parse(clausesEdit(emoji(200))).clauses[0]?.text).toBe(emoji(200));
    expect(ClausesEdit.safeParse(clausesEdit(emoji(500))).success).toBe(true);
    expect(messageOf(ClausesEdit.safeParse(clausesEdit(emoji(501))))).toBe(
      'A WITHOUT clause can have at most 500 characters',
    );
  });

  it('refuses a bidi isolate and a line break', () => {
    expect(messageOf(ClausesEdit.safeParse(clausesEdit(`fraud \u2066x`)))).toBe(
      'A WITHOUT clause cannot contain invisible or control characters (U+2066 at character 7)',
    );
    expect(messageOf(ClausesEdit.safeParse(clausesEdit('fraud\nor theft')))).toBe(
      'A WITHOUT clause must fit on one line (line break at character 6)',
    );
  });

  it('reads clauses stored before the rule, emoji and bidi controls included', () => {
    const stored = { clauses: [{ id: 'c1', text: `${RLO}${emoji(300)}`, threatIds: [] }] };
    expect(readStoryClauses(stored)).toMatchObject({ clauses: stored.clauses, problems: [] });
  });
});

describe('a note on a STRIDE answer', () => {
  it('refuses a bidi override and a NUL', () => {
    expect(messageOf(QuestionAnswerEdit.safeParse(answerEdit(`TLS ${RLO}`)))).toBe(
      'A note cannot contain invisible or control characters (U+202E at character 5)',
    );
    expect(messageOf(QuestionAnswerEdit.safeParse(answerEdit('TLS\u0000')))).toBe(
      'A note cannot contain invisible or control characters (U+0000 at character 4)',
    );
  });

  it('accepts 1000 emoji and refuses 1001', () => {
    expect(QuestionAnswerEdit.parse(answerEdit(emoji(1000))).note).toBe(emoji(1000));
    expect(messageOf(QuestionAnswerEdit.safeParse(answerEdit(emoji(1001))))).toBe(
      'A note can have at most 1000 characters',
    );
  });
});

describe('a reason to suppress an audit finding', () => {
  it('refuses a reason of zero-width spaces', () => {
    expect(() => suppress([], 'x', ZERO_WIDTH.repeat(12), carol)).toThrow(
      new AppError('BAD_REQUEST', 'A reason cannot be made only of invisible characters'),
    );
  });

  it('counts emoji as characters: 9 are too few, 10 enough, 1000 fine, 1001 too many', () => {
    expect(() => suppress([], 'x', emoji(9), carol)).toThrow('Say why in at least 10 characters');
    expect(suppress([], 'x', emoji(10), carol)[0]?.why).toBe(emoji(10));
    expect(suppress([], 'x', emoji(1000), carol)[0]?.why).toBe(emoji(1000));
    expect(() => suppress([], 'x', emoji(1001), carol)).toThrow('Say why in at most 1000 characters');
  });

  it('refuses a bidi override, and reads one stored before the rule', () => {
    expect(() => suppress([], 'x', `Accepted until ${RLO}Q3`, carol)).toThrow(
      'A reason cannot contain invisible or control characters (U+202E at character 16)',
    );
    expect(Suppression.safeParse({ findingId: 'x', why: `Old ${RLO}`, by: 'a', at: carol.now }).success).toBe(true);
  });
});

describe('the name of an uploaded knowledge-base file', () => {
  const upload = (fileName: string) => ({ fileName, format: 'auto', content: { encoding: 'text', text: '{}' } });

  it('refuses a name of zero-width spaces, and one disguised by a right-to-left override', () => {
    expect(messageOf(KbUpload.safeParse(upload(ZERO_WIDTH)))).toBe(
      'A file name cannot be made only of invisible characters',
    );
    expect(messageOf(KbUpload.safeParse(upload(`threats${RLO}nosj.exe`)))).toBe(
      'A file name cannot contain invisible or control characters (U+202E at character 8)',
    );
  });

  it('accepts a name of 400 emoji', () => {
    expect(KbUpload.parse(upload(emoji(400))).fileName).toBe(emoji(400));
  });
});
