import { clip } from '../common/text-hygiene';
import type { Mitigation } from '../mitigation/mitigation';
import type { Threat } from '../threat-model/threat';
import { threatNumber } from '../threat-model/threat';
import { type ExportIndex, type ExportSource, exportIndex, isFullyMitigated } from './export-source';
import { uuidFrom } from './interchange-ids';
import { priorityOf, threatComposerStatusOf } from './interchange-scales';
import { splitNotes } from './record-notes';
import { TC_KEYS, type ThreatComposerDocument } from './threat-composer-document';

type Meta = Array<{ key: string; value: string | string[] }>;

// Threat Composer links records by 36-character ids: a record imported from Threat Composer
// keeps its own, any other gets one made from the project and its id, the same every time.
// Records imported from two workspaces may share an id there: the second gets one of its own.
const tcIdOf = (projectKey: string, record: Threat | Mitigation, taken: Set<string>): string => {
  const own = uuidFrom(`${projectKey}/${record.id}`);
  const id =
    record.imported?.format === 'threat-composer' &&
    record.imported.externalId.length === 36 &&
    !taken.has(record.imported.externalId)
      ? record.imported.externalId
      : own;
  taken.add(id);
  return id;
};

const commentMeta = (comment: string): Meta => (comment ? [{ key: 'Comments', value: clip(comment, 1000) }] : []);

interface Assumption {
  id: string;
  content: string;
  links: Array<{ type: 'Threat' | 'Mitigation'; linkedId: string }>;
}

/** One assumption per distinct text, linked to every record whose notes list it. */
function collectAssumptions(
  projectKey: string,
  records: Array<{ type: 'Threat' | 'Mitigation'; id: string; assumptions: string[] }>,
): Assumption[] {
  const byText = new Map<string, Assumption>();
  for (const record of records) {
    for (const text of record.assumptions) {
      const content = clip(text, 1000);
      const assumption = byText.get(content) ?? {
        id: uuidFrom(`${projectKey}/assumption/${content}`),
        content,
        links: [],
      };
      assumption.links.push({ type: record.type, linkedId: record.id });
      byText.set(content, assumption);
    }
  }
  return [...byText.values()];
}

function threatEntry(source: ExportSource, index: ExportIndex, threat: Threat, taken: Set<string>) {
  const notes = splitNotes(threat.title, threat.description);
  const stories = index.storiesByThreat.get(threat.id) ?? [];
  const metadata: Meta = [
    { key: 'Priority', value: priorityOf(threat) },
    { key: 'STRIDE', value: [...threat.stride] },
    ...commentMeta(notes.comment),
    { key: TC_KEYS.project, value: source.projectKey },
    { key: TC_KEYS.threatId, value: threat.id },
    { key: TC_KEYS.revision, value: String(threat.revision) },
    { key: TC_KEYS.rating, value: `${threat.probability}x${threat.impact}` },
    ...(threat.component ? [{ key: TC_KEYS.component, value: threat.component }] : []),
    ...(stories.length ? [{ key: TC_KEYS.stories, value: stories.map((s) => s.key) }] : []),
    ...(stories.some((s) => s.clauses.length)
      ? [{ key: TC_KEYS.clauses, value: stories.flatMap((s) => s.clauses.map((c) => `${s.key}: WITHOUT ${c}`)) }]
      : []),
  ];
  const number = threatNumber(threat.id);
  return {
    entry: {
      id: tcIdOf(source.projectKey, threat, taken),
      numericId: number,
      displayOrder: number,
      metadata,
      statement: clip(notes.full || threat.title, 1400),
      status:
        threat.state === 'retired'
          ? ('threatResolvedNotUseful' as const)
          : isFullyMitigated(index, threat.id)
            ? ('threatResolved' as const)
            : ('threatIdentified' as const),
    },
    assumptions: notes.assumptions,
  };
}

function mitigationEntry(
  source: ExportSource,
  mitigation: Mitigation,
  threatTcId: Map<string, string>,
  taken: Set<string>,
) {
  const notes = splitNotes(mitigation.title, mitigation.implementation);
  const metadata: Meta = [
    ...commentMeta(notes.comment),
    { key: TC_KEYS.project, value: source.projectKey },
    { key: TC_KEYS.mitigationId, value: mitigation.id },
    { key: TC_KEYS.revision, value: String(mitigation.revision) },
    {
      key: TC_KEYS.strength,
      value: mitigation.addresses.flatMap((a) => {
        const id = threatTcId.get(a.threatId);
        return id ? [`${id}=${a.strength}`] : [];
      }),
    },
    ...(mitigation.verification ? [{ key: TC_KEYS.verification, value: mitigation.verification }] : []),
    { key: TC_KEYS.status, value: mitigation.status },
    { key: TC_KEYS.controlType, value: mitigation.controlType },
    ...(mitigation.rejectionReason ? [{ key: TC_KEYS.rejectionReason, value: mitigation.rejectionReason }] : []),
    ...(mitigation.task ? [{ key: TC_KEYS.task, value: mitigation.task.key }] : []),
  ];
  const number = Number(mitigation.id.slice(2));
  return {
    entry: {
      id: tcIdOf(source.projectKey, mitigation, taken),
      numericId: number,
      displayOrder: number,
      metadata,
      content: clip(notes.full || mitigation.title, 1000),
      status: threatComposerStatusOf(mitigation.status),
    },
    assumptions: notes.assumptions,
  };
}

/**
 * The project's threat model as an AWS Threat Composer workspace (schema v1): statements from
 * titles (or the full statement an import kept), priority from the severity band, STRIDE,
 * status, mitigations with their links, assumptions from the notes; the project's own ids, the
 * component, the stories and their WITHOUT clauses in `custom:` metadata.
 */
export function exportThreatComposer(source: ExportSource): ThreatComposerDocument {
  const taken = new Set<string>();
  const index = exportIndex(source);
  const threats = source.model.threats.map((t) => threatEntry(source, index, t, taken));
  const threatTcId = new Map(source.model.threats.map((t, i) => [t.id, threats[i]!.entry.id]));
  const mitigations = source.model.mitigations.map((m) => mitigationEntry(source, m, threatTcId, taken));
  const assumptions = collectAssumptions(source.projectKey, [
    ...threats.map((t) => ({ type: 'Threat' as const, id: t.entry.id, assumptions: t.assumptions })),
    ...mitigations.map((m) => ({ type: 'Mitigation' as const, id: m.entry.id, assumptions: m.assumptions })),
  ]);
  return {
    schema: 1,
    applicationInfo: {
      name: clip(source.projectName || source.projectKey, 200),
      description: `Threat model of the Jira project ${source.projectKey}, exported by Without for Jira.`,
    },
    assumptions: assumptions.map((a, i) => ({ id: a.id, numericId: i + 1, displayOrder: i + 1, content: a.content })),
    assumptionLinks: assumptions.flatMap((a) => a.links.map((l) => ({ ...l, assumptionId: a.id }))),
    mitigations: mitigations.map((m) => m.entry),
    mitigationLinks: source.model.mitigations.flatMap((m, i) =>
      m.addresses.flatMap((a) => {
        const linkedId = threatTcId.get(a.threatId);
        return linkedId ? [{ mitigationId: mitigations[i]!.entry.id, linkedId }] : [];
      }),
    ),
    threats: threats.map((t) => t.entry),
  };
}
