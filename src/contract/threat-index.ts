import type { ThreatRisk } from '../domain/threat-model/threat-risk';
import { severityOf, type Severity } from '../domain/threat-model/severity';
import type { StrideCategory } from '../domain/threat-model/stride';
import type { AcceptanceState, RiskAcceptance } from '../domain/threat-model/threat-acceptance';

/**
 * A threat as the threat table lists, sorts and filters it while its row is collapsed: no
 * description, mitigations, answers or history (`threat-model/threats` answers those for the
 * threats a page shows).
 */
export interface ThreatListRow {
  id: string;
  title: string;
  stride: StrideCategory[];
  probability: number;
  impact: number;
  severity: Severity;
  component: string;
  state: 'active' | 'retired';
  /** The revision an edit, retirement or acceptance of it starts from. */
  revision: number;
  risk: ThreatRisk;
  /** Mitigations addressing it, rejected ones included. */
  mitigationCount: number;
  /** STRIDE questions the active knowledge bases ask about it, and how many the team answered. */
  questionCount: number;
  answeredQuestions: number;
  /** Whether its risk is accepted today, was accepted until a day that has passed, or neither. */
  acceptanceState: AcceptanceState;
  /** The acceptance in force or run out (rare: kept whole, its line shows who, until when and why). */
  acceptance?: RiskAcceptance;
  /** Set when a newer version of its knowledge base changes it: the version it would update from. */
  updateFrom?: string;
  /** Stories linked to the threat; null: not counted yet (see threat-model/story-counts). */
  storyCount: number | null;
  /** JQL that finds those stories. */
  storiesJql: string;
  /** Only once its full row is read (threat-model/threats). */
  description?: string;
}

/** What only some threats have; the last element of an entry, left out when empty. */
interface EntryExtra {
  acceptance?: RiskAcceptance;
  updateFrom?: string;
}

/**
 * One threat of the index as a tuple: at 5,000 threats the key names alone, repeated on every
 * row, would be a third of the answer (the budget is 1 MB; Forge refuses 5 MB).
 */
export type ThreatIndexEntry = [
  id: string,
  title: string,
  /** STRIDE letters run together: "ST". */
  stride: string,
  probability: number,
  impact: number,
  component: string,
  /** 1: retired. */
  retired: 0 | 1,
  revision: number,
  residual: number,
  planned: number,
  fullyMitigated: 0 | 1,
  mitigationCount: number,
  questionCount: number,
  answeredQuestions: number,
  /** 0 none, 1 accepted, 2 expired. */
  acceptanceState: 0 | 1 | 2,
  extra?: EntryExtra,
];

/** Every threat of the model, compact, and how to spell the JQL of its stories. */
export interface ThreatIndex {
  entries: ThreatIndexEntry[];
  /** A threat's stories JQL is these two around its quoted id; empty when the field has no name. */
  storiesJql: [before: string, after: string];
}

const ACCEPTANCE_STATES: AcceptanceState[] = ['none', 'accepted', 'expired'];

/** Risks to three decimals: the page shows one, and full doubles cost some 15 characters each. */
const compact = (value: number): number => Math.round(value * 1000) / 1000;

export function indexEntry(row: Omit<ThreatListRow, 'storyCount' | 'storiesJql' | 'description'>): ThreatIndexEntry {
  const extra: EntryExtra = {
    ...(row.acceptance ? { acceptance: row.acceptance } : {}),
    ...(row.updateFrom !== undefined ? { updateFrom: row.updateFrom } : {}),
  };
  const entry: ThreatIndexEntry = [
    row.id,
    row.title,
    row.stride.join(''),
    row.probability,
    row.impact,
    row.component,
    row.state === 'retired' ? 1 : 0,
    row.revision,
    compact(row.risk.residual),
    compact(row.risk.planned),
    row.risk.fullyMitigated ? 1 : 0,
    row.mitigationCount,
    row.questionCount,
    row.answeredQuestions,
    ACCEPTANCE_STATES.indexOf(row.acceptanceState) as 0 | 1 | 2,
  ];
  if (Object.keys(extra).length > 0) entry.push(extra);
  return entry;
}

/** The JQL of a threat's stories, from the index's two halves. */
export const storiesJqlFrom = ([before, after]: ThreatIndex['storiesJql'], id: string): string =>
  before === '' ? '' : `${before}${id}${after}`;

export function listRow(entry: ThreatIndexEntry, storiesJql: ThreatIndex['storiesJql']): ThreatListRow {
  const [id, title, stride, probability, impact, component, retired, revision, residual, planned, fully] = entry;
  const [, , , , , , , , , , , mitigationCount, questionCount, answeredQuestions, acceptance, extra] = entry;
  return {
    id,
    title,
    stride: [...stride] as StrideCategory[],
    probability,
    impact,
    severity: severityOf({ probability, impact }),
    component,
    state: retired === 1 ? 'retired' : 'active',
    revision,
    risk: { residual, planned, fullyMitigated: fully === 1 },
    mitigationCount,
    questionCount,
    answeredQuestions,
    acceptanceState: ACCEPTANCE_STATES[acceptance] ?? 'none',
    ...(extra?.acceptance ? { acceptance: extra.acceptance } : {}),
    ...(extra?.updateFrom !== undefined ? { updateFrom: extra.updateFrom } : {}),
    storyCount: null,
    storiesJql: storiesJqlFrom(storiesJql, id),
  };
}

/** The index as rows, in the model's order. */
export const listRows = (index: ThreatIndex): ThreatListRow[] =>
  index.entries.map((entry) => listRow(entry, index.storiesJql));
