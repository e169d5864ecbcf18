import type { Mitigation } from '../mitigation/mitigation';
import { STRIDE_NAMES } from '../threat-model/stride';
import type { Threat } from '../threat-model/threat';
import { type ExportIndex, type ExportSource, exportIndex, isFullyMitigated } from './export-source';
import { RESERVED_IDS, uniqueId } from './interchange-ids';
import { otmStateOf, percentFromRating } from './interchange-scales';
import { OTM_KEYS } from './otm-document';
import { slugOf } from '../knowledge-base/importers/import-text';

export const OTM_VERSION = '0.2.0';
const TRUST_ZONE = 'jira-project';
const UNASSIGNED = 'without-unassigned';

// A record imported from OTM keeps its id in the file, so a re-import finds it; any other is
// known by its id in the project (T-3, M-7). The project's own ids are taken first, so an
// imported id that is also one of them (a file that numbered its threats T-1, T-2…) gives way.
// An id JavaScript reserves (stored before they were refused) is never written as a key.
function otmIds(records: Array<Threat | Mitigation>): Map<string, string> {
  const taken = new Set<string>(records.filter((r) => r.imported?.format !== 'otm').map((r) => r.id));
  const ids = new Map<string, string>();
  for (const r of records) {
    if (r.imported?.format !== 'otm') continue;
    const preferred = RESERVED_IDS.has(r.imported.externalId) ? undefined : r.imported.externalId;
    ids.set(r.id, uniqueId(preferred, r.id, taken));
  }
  return new Map(records.map((r) => [r.id, ids.get(r.id) ?? r.id]));
}

function threatEntry(index: ExportIndex, threat: Threat, id: string) {
  const stories = index.storiesByThreat.get(threat.id) ?? [];
  return {
    id,
    name: threat.title,
    description: threat.description,
    categories: threat.stride.map((c) => STRIDE_NAMES[c]),
    risk: { likelihood: percentFromRating(threat.probability), impact: percentFromRating(threat.impact) },
    attributes: {
      [OTM_KEYS.threatId]: threat.id,
      // A re-import of this file finds what was changed in Jira since: such a threat is not overwritten.
      [OTM_KEYS.revision]: threat.revision,
      [OTM_KEYS.state]: threat.state,
      [OTM_KEYS.component]: threat.component,
      // The stories that carry the threat, with the WITHOUT clauses that name it.
      [OTM_KEYS.stories]: stories,
    },
  };
}

function mitigationEntry(mitigation: Mitigation, id: string, threatIds: Map<string, string>) {
  return {
    id,
    name: mitigation.title,
    description: mitigation.implementation,
    // OTM weighs a mitigation once; the model per threat: the highest here, each in the attribute.
    riskReduction: Math.max(0, ...mitigation.addresses.map((a) => a.strength)),
    attributes: {
      [OTM_KEYS.mitigationId]: mitigation.id,
      [OTM_KEYS.revision]: mitigation.revision,
      [OTM_KEYS.status]: mitigation.status,
      [OTM_KEYS.strengths]: Object.fromEntries(
        mitigation.addresses.map((a) => [threatIds.get(a.threatId) ?? a.threatId, a.strength]),
      ),
      [OTM_KEYS.verification]: mitigation.verification,
      [OTM_KEYS.controlType]: mitigation.controlType,
      ...(mitigation.rejectionReason ? { [OTM_KEYS.rejectionReason]: mitigation.rejectionReason } : {}),
      ...(mitigation.task ? { [OTM_KEYS.task]: mitigation.task.key } : {}),
    },
  };
}

/** One component per distinct threat component (and one for threats without), holding the threats and their mitigations. */
function componentsOf(
  source: ExportSource,
  index: ExportIndex,
  threatIds: Map<string, string>,
  mitigationIds: Map<string, string>,
) {
  const groups = new Map<string, Threat[]>();
  for (const threat of source.model.threats)
    if (groups.has(threat.component)) groups.get(threat.component)!.push(threat);
    else groups.set(threat.component, [threat]);
  const taken = new Set<string>([UNASSIGNED, TRUST_ZONE]);
  return [...groups.entries()].map(([component, threats]) => ({
    id: component
      ? uniqueId(`component-${slugOf(component, 'component')}`, `component-${taken.size}`, taken)
      : UNASSIGNED,
    name: component || '(no component)',
    type: 'generic',
    parent: { trustZone: TRUST_ZONE },
    threats: threats.map((t) => ({
      threat: threatIds.get(t.id)!,
      state: t.state === 'retired' ? 'not-applicable' : isFullyMitigated(index, t.id) ? 'mitigated' : 'exposed',
      mitigations: (index.mitigationsByThreat.get(t.id) ?? []).map((m) => ({
        mitigation: mitigationIds.get(m.id)!,
        state: otmStateOf(m.status),
      })),
    })),
    attributes: component ? null : { [OTM_KEYS.unassigned]: true },
  }));
}

/**
 * The project's threat model as Open Threat Model 0.2.0: threats with likelihood and impact (a
 * rating r as r x 20), STRIDE names as categories, components from the threats' components
 * (inside one trust zone, the Jira project, which OTM requires as a parent; its trust rating is
 * not one the model knows, so it is the middle, 50), mitigations with riskReduction from strength
 * and their state per threat; the project's ids, the stories with their WITHOUT clauses and the
 * mitigations' tasks in `attributes`.
 */
export function exportOtm(source: ExportSource) {
  const threatIds = otmIds(source.model.threats);
  const mitigationIds = otmIds(source.model.mitigations);
  const index = exportIndex(source);
  return {
    otmVersion: OTM_VERSION,
    project: {
      name: source.projectName || source.projectKey,
      id: source.projectKey,
      description: `Threat model of the Jira project ${source.projectKey}, exported by Without for Jira.`,
      attributes: { [OTM_KEYS.project]: source.projectKey },
    },
    trustZones: [
      { id: TRUST_ZONE, name: `Jira project ${source.projectKey}`, type: 'jira-project', risk: { trustRating: 50 } },
    ],
    components: componentsOf(source, index, threatIds, mitigationIds),
    threats: source.model.threats.map((t) => threatEntry(index, t, threatIds.get(t.id)!)),
    mitigations: source.model.mitigations.map((m) => mitigationEntry(m, mitigationIds.get(m.id)!, threatIds)),
  };
}
