import { inStrideOrder, strideFromWords } from '../knowledge-base/importers/stride-from-words';
import { ControlType, MitigationStatus, Strength } from '../mitigation/mitigation';
import type { StrideCategory } from '../threat-model/stride';
import { firstOfEach, requireAtMost, uuidFrom } from './interchange-ids';
import {
  FILE_MITIGATIONS_MAX,
  FILE_THREATS_MAX,
  THREAT_COMPONENT_MAX,
  THREAT_DESCRIPTION_MAX,
} from './interchange-limits';
import type { InterchangeMitigation, InterchangeModel, InterchangeThreat } from './interchange-model';
import {
  REJECTED_IN_FILE,
  STATUS_OF_THREAT_COMPOSER,
  type ThreatComposerPriority,
  priorityOf,
  ratingsFromPriority,
  threatComposerStatusOf,
} from './interchange-scales';
import { importedLine, importedText, titleOfStatement, visibleOrEmpty } from './interchange-text';
import { readInterchangeJson } from './read-interchange-json';
import { composeNotes } from './record-notes';
import {
  PRIORITY,
  STRIDE_LETTERS,
  TC_KEYS,
  ThreatComposerDocument,
  type ThreatComposerMitigation,
  type ThreatComposerThreat,
  metaText,
  metaValue,
} from './threat-composer-document';

// A Map, not an object: a goal named "constructor" must find nothing, not Object.prototype's.
const GOAL_STRIDE = new Map<string, StrideCategory>([
  ['confidentiality', 'I'],
  ['integrity', 'T'],
  ['availability', 'D'],
]);

/** The statement as Threat Composer builds it from the grammar, for a threat saved without one. */
function statementOf(t: ThreatComposerThreat): string {
  if (t.statement?.trim()) return t.statement;
  const source = t.threatSource?.trim() || 'threat source';
  const parts = [`A ${source}${t.prerequisites ? ` ${t.prerequisites}` : ''} can ${t.threatAction ?? '…'}`];
  if (t.threatImpact) parts.push(`which leads to ${t.threatImpact}`);
  const goals = (t.impactedGoal ?? []).filter(Boolean);
  if (goals.length) parts.push(`resulting in reduced ${goals.join(' and ')}`);
  const assets = (t.impactedAssets ?? []).filter(Boolean);
  if (assets.length) parts.push(`negatively impacting ${assets.join(' and ')}`);
  return parts.join(', ');
}

function strideOf(t: ThreatComposerThreat, statement: string, warnings: string[]): StrideCategory[] {
  const listed = STRIDE_LETTERS.safeParse(metaValue(t.metadata, 'STRIDE'));
  if (listed.success && listed.data.length > 0) return inStrideOrder(listed.data);
  const fromGoals = (t.impactedGoal ?? []).flatMap((g) => GOAL_STRIDE.get(g.trim().toLowerCase()) ?? []);
  if (fromGoals.length > 0) return inStrideOrder(fromGoals);
  const fromWords = strideFromWords(statement);
  if (fromWords.length > 0) return fromWords;
  warnings.push(`Threat ${t.numericId} has no STRIDE category; it is imported as Tampering.`);
  return ['T'];
}

/**
 * The exact ratings an export of this app wrote (`custom:without-rating`, "4x2"), while the
 * priority still agrees with them; else the priority's (a priority changed in Threat Composer wins).
 */
function ratingsOf(t: ThreatComposerThreat, priority: ThreatComposerPriority | undefined) {
  const written = /^([1-5])x([1-5])$/.exec(metaText(t.metadata, TC_KEYS.rating));
  const exact = written ? { probability: Number(written[1]), impact: Number(written[2]) } : undefined;
  return exact && priority === priorityOf(exact) ? exact : ratingsFromPriority(priority);
}

/** The revision this app wrote on export ("3"), when it is one. */
function ownRevisionOf(metadata: ThreatComposerThreat['metadata']): { ownRevision?: number } {
  const written = /^[1-9][0-9]{0,8}$/.exec(metaText(metadata, TC_KEYS.revision));
  return written ? { ownRevision: Number(written[0]) } : {};
}

function threatOf(t: ThreatComposerThreat, assumptions: string[], warnings: string[]): InterchangeThreat {
  // A statement is one sentence; its whitespace is made single so the title is its start.
  const statement = importedLine(statementOf(t), 1400);
  const title = titleOfStatement(statement, `Threat ${t.numericId}`);
  const priority = PRIORITY.safeParse(metaValue(t.metadata, 'Priority'));
  const ownId = metaText(t.metadata, TC_KEYS.threatId);
  return {
    externalId: t.id,
    ...(/^T-[1-9][0-9]*$/.test(ownId) ? { ownId, ...ownRevisionOf(t.metadata) } : {}),
    title,
    description: composeNotes(
      {
        full: title === statement ? '' : statement,
        comment: importedText(metaText(t.metadata, 'Comments'), 1000),
        assumptions: assumptions.map((a) => importedLine(a, 1000)),
      },
      THREAT_DESCRIPTION_MAX,
    ),
    stride: strideOf(t, statement, warnings),
    ...ratingsOf(t, priority.success ? priority.data : undefined),
    component: importedLine(metaText(t.metadata, TC_KEYS.component), THREAT_COMPONENT_MAX),
    // "Resolved, not useful" is a threat the team set aside: retired here. Identified and
    // resolved ones are both active; how far one is mitigated is its mitigations' status.
    state: t.status === 'threatResolvedNotUseful' ? 'retired' : 'active',
  };
}

/** Strengths the app wrote ("T-id=75" per threat id of the file), else average (Threat Composer does not weigh links). */
function strengthOf(m: ThreatComposerMitigation, threatId: string): Strength {
  const written = metaValue(m.metadata, TC_KEYS.strength);
  const entry = (Array.isArray(written) ? written : []).find((w) => w.startsWith(`${threatId}=`));
  const parsed = Strength.safeParse(Number(entry?.slice(threatId.length + 1)));
  return parsed.success ? parsed.data : 50;
}

function mitigationOf(m: ThreatComposerMitigation, threatIds: string[], assumptions: string[]): InterchangeMitigation {
  const content = importedLine(m.content, 1000);
  const title = titleOfStatement(content, `Mitigation ${m.numericId}`);
  // The model's status this app wrote (accepted, planned, existing…), while Threat Composer's still agrees with it.
  const fileStatus = m.status ?? 'mitigationIdentified';
  const written = MitigationStatus.safeParse(metaText(m.metadata, TC_KEYS.status));
  const status =
    written.success && threatComposerStatusOf(written.data) === fileStatus
      ? written.data
      : STATUS_OF_THREAT_COMPOSER[fileStatus];
  const controlType = ControlType.safeParse(metaText(m.metadata, TC_KEYS.controlType));
  const reason = visibleOrEmpty(importedText(metaText(m.metadata, TC_KEYS.rejectionReason), 1000), 1000, true);
  const ownId = metaText(m.metadata, TC_KEYS.mitigationId);
  return {
    externalId: m.id,
    ...(/^M-[1-9][0-9]*$/.test(ownId) ? { ownId, ...ownRevisionOf(m.metadata) } : {}),
    title,
    implementation: composeNotes(
      {
        full: title === content ? '' : content,
        comment: importedText(metaText(m.metadata, 'Comments'), 1000),
        assumptions: assumptions.map((a) => importedLine(a, 1000)),
      },
      THREAT_DESCRIPTION_MAX,
    ),
    verification: importedText(metaText(m.metadata, TC_KEYS.verification), THREAT_DESCRIPTION_MAX),
    controlType: controlType.success ? controlType.data : 'preventive',
    status,
    rejectionReason: status === 'rejected' ? reason || REJECTED_IN_FILE('Threat Composer') : '',
    addresses: threatIds.map((id) => ({ externalThreatId: id, strength: strengthOf(m, id) })),
  };
}

/** Assumption texts by the id of the threat or mitigation they are linked to. */
function assumptionsByRecord(doc: ThreatComposerDocument): Map<string, string[]> {
  const text = new Map((doc.assumptions ?? []).map((a) => [a.id, a.content]));
  const byRecord = new Map<string, string[]>();
  for (const link of doc.assumptionLinks ?? []) {
    const content = text.get(link.assumptionId);
    if (content === undefined) continue;
    const list = byRecord.get(link.linkedId);
    if (list) list.push(content);
    else byRecord.set(link.linkedId, [content]);
  }
  return byRecord;
}

/**
 * An AWS Threat Composer export (`.tc.json`, schema v1) in the model's terms: a threat's
 * statement is its title (and, when longer than a title, its description), STRIDE from the
 * metadata, the priority as probability and impact (see interchange-scales), "resolved, not
 * useful" as retired; mitigations with their status and the threats they are linked to;
 * assumptions as notes in the description of what they are linked to. Throws KbImportError
 * (`file:line:col: reason`).
 */
export function importThreatComposer(text: string, file: string): InterchangeModel {
  const doc = readInterchangeJson(text, file, ThreatComposerDocument);
  requireAtMost(doc.threats?.length ?? 0, FILE_THREATS_MAX, 'threat', file);
  requireAtMost(doc.mitigations?.length ?? 0, FILE_MITIGATIONS_MAX, 'mitigation', file);
  const warnings: string[] = [];
  const assumptions = assumptionsByRecord(doc);
  const threats = firstOfEach(doc.threats ?? [], 'threat', warnings).map((t) =>
    threatOf(t, assumptions.get(t.id) ?? [], warnings),
  );
  const known = new Set(threats.map((t) => t.externalId));
  // Sets, added to in place: copying a list per link made a large file quadratic.
  const linked = new Map<string, Set<string>>();
  for (const link of doc.mitigationLinks ?? []) {
    if (!known.has(link.linkedId)) continue;
    const set = linked.get(link.mitigationId);
    if (set) set.add(link.linkedId);
    else linked.set(link.mitigationId, new Set([link.linkedId]));
  }
  const mitigations = firstOfEach(doc.mitigations ?? [], 'mitigation', warnings).flatMap((m) => {
    const threatIds = [...(linked.get(m.id) ?? [])].slice(0, 50);
    if (threatIds.length > 0) return [mitigationOf(m, threatIds, assumptions.get(m.id) ?? [])];
    warnings.push(
      `Mitigation ${m.numericId} ("${importedLine(m.content, 60)}") is linked to no threat; it is left out.`,
    );
    return [];
  });
  // The project this app exported the file from: every record names the same one, or none counts.
  const projects = new Set(
    [...(doc.threats ?? []), ...(doc.mitigations ?? [])].map((r) => metaText(r.metadata, TC_KEYS.project)),
  );
  const projectKey = projects.size === 1 ? [...projects][0] : undefined;
  return {
    format: 'threat-composer',
    name: importedLine(doc.applicationInfo?.name, 200),
    // Threat Composer gives a workspace no id: its name stands for it.
    document: `threat-composer:${uuidFrom(doc.applicationInfo?.name ?? '')}`,
    ...(projectKey ? { projectKey } : {}),
    threats,
    mitigations,
    warnings,
  };
}
