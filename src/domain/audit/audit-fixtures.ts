import type { Mitigation, Strength } from '../mitigation/mitigation';
import { storyClausesValue } from '../story/story-clauses';
import type { StatusCategoryKey } from '../mitigation/task-status';
import type { Threat } from '../threat-model/threat';
import { emptyThreatModel } from '../threat-model/threat-model';
import { auditProject } from './audit';
import type { AuditInput, AuditStory, AuditTask } from './audit-input';
import type { AuditResult } from './audit-result';
import type { Finding } from './finding';
import type { FindingKind } from './finding-kinds';
import { builtInKnowledgeBase } from '../knowledge-base/active-knowledge-bases';
import type { StoryRules } from './story-coverage';

// Object mothers for the audit tests: a project reads like a spec, one change away from clean.

const stamp = { accountId: 'alice', at: '2026-01-01T00:00:00.000Z' };
export const NOW = '2026-03-01T09:00:00.000Z';

export const threat = (id: string, over: Partial<Threat> = {}): Threat => ({
  id,
  title: `Threat ${id}`,
  description: '',
  stride: ['I'],
  probability: 4,
  impact: 5,
  component: '',
  source: { kind: 'manual' },
  state: 'active',
  created: stamp,
  updated: stamp,
  revision: 1,
  ...over,
});

export const mitigation = (
  id: string,
  addresses: Array<[string, Strength]>,
  over: Partial<Mitigation> = {},
): Mitigation => ({
  id,
  title: `Mitigation ${id}`,
  implementation: '',
  verification: '',
  controlType: 'preventive',
  addresses: addresses.map(([threatId, strength]) => ({ threatId, strength })),
  status: 'implemented',
  rejectionReason: '',
  task: null,
  created: stamp,
  updated: stamp,
  revision: 1,
  ...over,
});

export interface StoryShape {
  clauses?: Array<{ id: string; text?: string; threatIds: string[] }>;
  directThreatIds?: string[];
  statusCategory?: StatusCategoryKey;
  summary?: string;
}

export const story = (
  key: string,
  { clauses = [], directThreatIds = [], statusCategory = 'indeterminate', summary = `Story ${key}` }: StoryShape = {},
): AuditStory => ({
  id: `id-${key}`,
  key,
  summary,
  statusCategory,
  clausesValue: storyClausesValue(
    clauses.map((c) => ({ id: c.id, text: c.text ?? `having clause ${c.id} broken`, threatIds: c.threatIds })),
    directThreatIds,
    1,
  ),
});

/** A story that counts for coverage (a Story, in scope), with what the knowledge-base rules read. */
export const countedStory = (
  key: string,
  shape: StoryShape & { description?: string; labels?: string[]; issueType?: string } = {},
): AuditStory => ({
  ...story(key, shape),
  counted: {
    issueType: shape.issueType ?? 'Story',
    labels: shape.labels ?? [],
    components: [],
    description: shape.description ?? '',
  },
});

/** The built-in knowledge base, its short list first: what a new project's rules are. */
export const builtInRules = (): StoryRules => ({ knowledgeBases: [builtInKnowledgeBase()], mode: 'top' });

/** A story whose field holds whatever a REST user wrote. */
export const rawStory = (key: string, clausesValue: unknown): AuditStory => ({
  id: `id-${key}`,
  key,
  summary: `Story ${key}`,
  statusCategory: 'new',
  clausesValue,
});

export const task = (
  key: string,
  mitigationId: string,
  threatIds: string[],
  over: Partial<AuditTask> = {},
): AuditTask => ({
  id: `id-${key}`,
  key,
  summary: `Mitigate ${mitigationId}`,
  statusName: 'Done',
  categoryKey: 'done',
  propertyValue: { v: 1, mitigationId, threatIds, projectKey: 'PAY' },
  ...over,
});

export const openTask = (key: string, mitigationId: string, threatIds: string[]): AuditTask =>
  task(key, mitigationId, threatIds, { statusName: 'To Do', categoryKey: 'new' });

export interface ProjectShape {
  threats?: Threat[];
  mitigations?: Mitigation[];
  stories?: AuditStory[];
  tasks?: AuditTask[];
  modelProblems?: string[];
  suppressions?: AuditInput['suppressions'];
  /** The STRIDE questions asked about each threat; absent: not checked. */
  questionKeys?: Record<string, string[]>;
  /** The knowledge bases that say which stories need clauses; absent: not checked. */
  storyRules?: StoryRules;
}

export const project = ({
  threats = [],
  mitigations = [],
  stories = [],
  tasks = [],
  modelProblems = [],
  suppressions = [],
  questionKeys,
  storyRules,
}: ProjectShape = {}): AuditInput => ({
  projectKey: 'PAY',
  model: { ...emptyThreatModel(), threats, mitigations },
  modelProblems,
  stories,
  tasks,
  suppressions,
  ...(questionKeys ? { questionKeys } : {}),
  ...(storyRules ? { storyRules } : {}),
  now: NOW,
});

/**
 * A project with nothing to report: T-1 is covered by a clause of PAY-1 and fully mitigated by
 * M-1, implemented, whose task PAY-100 is done.
 */
export const clean = (): Required<ProjectShape> => ({
  threats: [threat('T-1', { title: 'Card data stolen' })],
  mitigations: [mitigation('M-1', [['T-1', 100]], { task: { id: 'id-PAY-100', key: 'PAY-100' } })],
  stories: [story('PAY-1', { clauses: [{ id: 'c1', threatIds: ['T-1'] }], statusCategory: 'done' })],
  tasks: [task('PAY-100', 'M-1', ['T-1'])],
  modelProblems: [],
  suppressions: [],
  questionKeys: {},
  storyRules: builtInRules(),
});

export const audit = (shape: ProjectShape): AuditResult => auditProject(project(shape));

export const findingsOf = (result: AuditResult, kind: FindingKind): Finding[] =>
  result.findings.filter((f) => f.kind === kind);

/** A project with at least one finding of every kind. */
export const messy = (): Required<ProjectShape> => ({
  threats: [
    threat('T-1', { title: 'Card data stolen' }),
    threat('T-2', { title: 'Old checkout flaw', state: 'retired' }),
    threat('T-3', { title: 'Session hijacking', probability: 3, impact: 3 }),
    threat('T-4', { title: 'Refund replayed', probability: 3, impact: 4 }),
    threat('T-5', { title: 'Receipt spoofed', probability: 1, impact: 2 }),
    threat('T-6', {
      title: 'Report altered',
      probability: 2,
      impact: 4,
      acceptance: {
        accountId: 'alice',
        at: '2025-06-01T10:00:00.000Z',
        reason: 'Finance checks totals',
        until: '2026-02-28',
      },
    }),
  ],
  mitigations: [
    mitigation('M-1', [['T-1', 100]], { task: { id: 'id-PAY-100', key: 'PAY-100' } }),
    mitigation('M-2', [['T-3', 50]], { status: 'planned', title: 'Bind sessions to devices' }),
    mitigation('M-5', [['T-5', 100]], { task: { id: 'id-PAY-105', key: 'PAY-105' } }),
    // In place, but a security test still finds the weakness: verification failed.
    mitigation('M-6', [['T-3', 25]], {
      status: 'existing',
      title: 'Escape output',
      verifications: [
        {
          source: 'sarif',
          outcome: 'fail',
          evidence: '',
          note: '1 open result of CodeQL mapped to it.',
          tool: 'CodeQL',
          results: [{ ruleId: 'js/xss', cwe: ['CWE-79'], message: 'XSS', location: 'src/page.ts:3' }],
          resultCount: 1,
          recorded: stamp,
        },
      ],
    }),
  ],
  stories: [
    story('PAY-1', { clauses: [{ id: 'c1', threatIds: ['T-1'] }], statusCategory: 'done' }),
    story('PAY-12', {
      summary: 'Pay by card',
      clauses: [{ id: 'c1', threatIds: ['T-1'] }],
      directThreatIds: ['T-3'],
      statusCategory: 'done',
    }),
    story('PAY-5', { clauses: [{ id: 'c7', text: 'leaking the refund amount', threatIds: [] }] }),
    story('PAY-6', { clauses: [{ id: 'c1', threatIds: ['T-2', 'T-99'] }] }),
    story('PAY-8', { clauses: [{ id: 'c1', threatIds: ['T-5'] }] }),
    story('PAY-20', { clauses: [{ id: 'c1', threatIds: ['T-6'] }] }),
    rawStory('PAY-9', { clauses: 'oops' }),
    countedStory('PAY-15', { summary: 'As a buyer, I want to delete my account', labels: ['privacy'] }),
  ],
  tasks: [
    task('PAY-100', 'M-1', ['T-1']),
    openTask('PAY-105', 'M-5', ['T-5']),
    task('PAY-200', 'M-9', ['T-1']),
    task('PAY-300', 'M-1', ['T-1'], { propertyValue: { v: 2 } }),
    openTask('PAY-400', 'M-2', ['T-3']),
  ],
  modelProblems: ['Shard 2 of the threat model could not be read.'],
  suppressions: [],
  questionKeys: { 'T-1': ['kb/Q-T', 'kb/Q-I'] },
  storyRules: builtInRules(),
});
