import { audit, builtInRules, countedStory, findingsOf, story } from './audit-fixtures';
import { coveragePercent, coverageText, storyCoverage } from './story-coverage';
import { isCountedType, scopeJqlProblem, StoryCoverageSettings } from './story-coverage-settings';

const resetPassword = () =>
  countedStory('PAY-5', {
    summary: 'As a buyer, I want to reset my password by email so that I can get back into my account',
    description: 'Reset link valid for 30 minutes, single use.',
    labels: ['login'],
  });

describe('stories that need threat modeling', () => {
  it('reports a counted story without clauses that the rules match, with the matched words and the worst template', () => {
    const [finding, ...rest] = findingsOf(
      audit({ stories: [resetPassword()], storyRules: builtInRules() }),
      'story-needs-threat-modeling',
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      id: 'story-needs-threat-modeling:PAY-5',
      severity: 'high',
      entities: { storyKeys: ['PAY-5'] },
      fix: { action: 'open-story', label: 'Suggest threats', target: { storyKey: 'PAY-5' } },
    });
    expect(finding!.message).toContain('PAY-5 "As a buyer, I want to reset my password');
    expect(finding!.message).toContain('5 threats of the knowledge base apply to it');
    expect(finding!.message).toContain('summary mentions "password"');
  });

  it('takes the severity of the most severe matching template', () => {
    const refund = countedStory('PAY-7', {
      summary: 'As a support agent, I want to issue a partial refund so that I can settle a complaint',
      labels: ['refunds', 'backoffice'],
    });
    const [finding] = findingsOf(
      audit({ stories: [refund], storyRules: builtInRules() }),
      'story-needs-threat-modeling',
    );
    expect(finding!.severity).toBe('critical');
  });

  it('leaves out stories with clauses, stories that do not count, and stories no rule matches', () => {
    const result = audit({
      stories: [
        countedStory('PAY-1', { summary: 'Reset my password', clauses: [{ id: 'c1', threatIds: [] }] }),
        { ...resetPassword(), counted: undefined, key: 'PAY-2' },
        countedStory('PAY-3', { summary: 'Change the colour of the footer' }),
      ],
      storyRules: builtInRules(),
    });
    expect(findingsOf(result, 'story-needs-threat-modeling')).toEqual([]);
  });

  it('does not count a catch-all rule (it applies to every story) as a reason to model a story', () => {
    const builtIn = builtInRules().knowledgeBases[0]!;
    const catchAll = {
      ...builtIn,
      threats: builtIn.threats.map((t) => ({ ...t, appliesWhen: { always: true as const } })),
    };
    const footer = countedStory('PAY-3', { summary: 'Change the colour of the footer' });
    const result = audit({ stories: [footer], storyRules: { knowledgeBases: [catchAll], mode: 'full' } });
    expect(findingsOf(result, 'story-needs-threat-modeling')).toEqual([]);
  });

  it('leaves a story that links threats without a clause to the finding that already names it', () => {
    const linked = countedStory('PAY-5', { summary: 'Reset my password', directThreatIds: ['T-1'] });
    expect(findingsOf(audit({ stories: [linked], storyRules: builtInRules() }), 'story-needs-threat-modeling')).toEqual(
      [],
    );
  });

  it('is not checked without the knowledge bases, and then has no coverage either', () => {
    const result = audit({ stories: [resetPassword()] });
    expect(findingsOf(result, 'story-needs-threat-modeling')).toEqual([]);
    expect(result.coverage).toBeUndefined();
  });
});

describe('coverage', () => {
  it('counts stories with clauses out of those with clauses or matched by rules', () => {
    expect(
      storyCoverage([
        { hasClauses: true, matched: true },
        { hasClauses: true, matched: false },
        { hasClauses: false, matched: true },
        { hasClauses: false, matched: false },
      ]),
    ).toEqual({ withClauses: 2, needing: 3 });
  });

  it('says it in words, rounded down, and has no percent when nothing needs a clause', () => {
    expect(coverageText({ withClauses: 9, needing: 18 })).toBe('9 of 18 stories (50%)');
    expect(coveragePercent({ withClauses: 199, needing: 200 })).toBe(99);
    expect(coveragePercent({ withClauses: 0, needing: 0 })).toBeUndefined();
    expect(coverageText({ withClauses: 0, needing: 0 })).toBe('no story needs a WITHOUT clause');
  });

  it('is part of the audit result, over the counted stories only', () => {
    const result = audit({
      stories: [
        resetPassword(),
        countedStory('PAY-1', { summary: 'Pay by card', clauses: [{ id: 'c1', threatIds: [] }] }),
        countedStory('PAY-3', { summary: 'Change the colour of the footer' }),
        story('PAY-8', { clauses: [{ id: 'c1', threatIds: [] }] }),
      ],
      storyRules: builtInRules(),
    });
    expect(result.coverage).toEqual({ withClauses: 1, needing: 2 });
  });
});

describe('which issues are stories', () => {
  it('counts the issue types the settings name, whatever their case', () => {
    const settings = StoryCoverageSettings.parse({ issueTypeNames: ['Story', 'Bug'], scopeJql: '' });
    expect(isCountedType('story', settings)).toBe(true);
    expect(isCountedType('Bug', settings)).toBe(true);
    expect(isCountedType('Task', settings)).toBe(false);
  });

  it('refuses no issue type at all', () => {
    expect(StoryCoverageSettings.safeParse({ issueTypeNames: [], scopeJql: '' }).success).toBe(false);
  });
});

describe('the scope JQL', () => {
  it.each([
    'labels = checkout',
    'component in ("Web", "API") AND status != Done',
    'summary ~ "a) OR (project = OTHER"',
    "labels = 'it''s'",
    'text ~ "\\"quoted\\""',
    'labels = "order by"',
  ])('takes %s', (jql) => expect(scopeJqlProblem(jql)).toBeUndefined());

  it.each([
    ['labels = a) OR (project = OTHER', 'closes a parenthesis'],
    ['labels = a) OR project = OTHER OR (labels = b', 'closes a parenthesis'],
    ['(labels = a', 'leaves a parenthesis open'],
    ['summary ~ "open', 'leaves a quote'],
    ['labels = a ORDER BY created', 'ORDER BY'],
    ['labels = a order\nby created', 'control characters'],
    ['labels = a\\) OR project = OTHER', 'backslash only inside quotes'],
  ])('refuses %s', (jql, reason) => expect(scopeJqlProblem(jql)).toContain(reason));

  it('is refused by the settings schema with the reason', () => {
    const parsed = StoryCoverageSettings.safeParse({ issueTypeNames: ['Story'], scopeJql: 'a = 1) OR (b = 2' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('The JQL closes a parenthesis it did not open.');
  });

  it('refuses a backslash escape outside quotes, which JQL reads but would hide a quote from the check', () => {
    // JQL reads `a\"` as one unquoted word, so the `)))` after it are real and OTHER is ORed in.
    const exploit = 'labels = a\\" ))) OR project = OTHER OR (((labels = "x\\" "';
    const parsed = StoryCoverageSettings.safeParse({ issueTypeNames: ['Story'], scopeJql: exploit });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('The JQL may use a backslash only inside quotes ("...").');
  });
});
