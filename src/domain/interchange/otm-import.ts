import { inStrideOrder, strideFromWords } from '../knowledge-base/importers/stride-from-words';
import { ControlType, MitigationStatus, Strength } from '../mitigation/mitigation';
import { STRIDE, STRIDE_NAMES, type StrideCategory } from '../threat-model/stride';
import { firstOfEach, requireAtMost } from './interchange-ids';
import {
  FILE_MITIGATIONS_MAX,
  FILE_THREATS_MAX,
  THREAT_COMPONENT_MAX,
  THREAT_DESCRIPTION_MAX,
  THREAT_TITLE_MAX,
} from './interchange-limits';
import type { InterchangeMitigation, InterchangeModel, InterchangeThreat } from './interchange-model';
import { REJECTED_IN_FILE, ratingFromPercent, statusFromOtmState, strengthFromPercent } from './interchange-scales';
import { importedLine, importedText, importedTitle, visibleOrEmpty } from './interchange-text';
import { OTM_KEYS, OtmDocument, type OtmMitigation, type OtmThreat, attribute } from './otm-document';
import { readInterchangeJson } from './read-interchange-json';

/** A category as STRIDE: its letter, its name ("Information Disclosure"), or none. */
function strideOfCategory(category: string): StrideCategory | undefined {
  const flat = category
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
  return STRIDE.find((c) => c.toLowerCase() === flat || STRIDE_NAMES[c].toLowerCase() === flat);
}

function strideOf(t: OtmThreat, warnings: string[]): StrideCategory[] {
  const categories = (t.categories ?? []).filter((c): c is string => typeof c === 'string');
  const named = categories.flatMap((c) => strideOfCategory(c) ?? []);
  if (named.length > 0) return inStrideOrder(named);
  const fromWords = strideFromWords(`${categories.join(' ')} ${t.name}`);
  if (fromWords.length > 0) return fromWords;
  warnings.push(`Threat "${importedLine(t.name, 60)}" has no STRIDE category; it is imported as Tampering.`);
  return ['T'];
}

interface Placement {
  element: { name: string; attributes?: Record<string, unknown> | null | undefined };
  state: string;
  mitigations: Array<{ mitigation: string; state: string }>;
}

/** Every place a threat is instantiated: components first (they name a threat's component), then dataflows. */
function placementsOf(doc: OtmDocument): Map<string, Placement[]> {
  const byThreat = new Map<string, Placement[]>();
  for (const element of [...(doc.components ?? []), ...(doc.dataflows ?? [])]) {
    for (const instance of element.threats ?? []) {
      const mitigations = (instance.mitigations ?? []).flatMap((m) =>
        m?.mitigation ? [{ mitigation: m.mitigation, state: m.state ?? '' }] : [],
      );
      // Appended in place: copying the list on every placement made a large file quadratic.
      const list = byThreat.get(instance.threat);
      const placement = { element, state: instance.state, mitigations };
      if (list) list.push(placement);
      else byThreat.set(instance.threat, [placement]);
    }
  }
  return byThreat;
}

function componentOf(t: OtmThreat, placements: Placement[]): string {
  const written = attribute(t.attributes, OTM_KEYS.component);
  if (typeof written === 'string') return importedLine(written, THREAT_COMPONENT_MAX);
  const first = placements.find((p) => attribute(p.element.attributes, OTM_KEYS.unassigned) !== true);
  return first ? importedLine(first.element.name, THREAT_COMPONENT_MAX) : '';
}

function stateOf(t: OtmThreat, placements: Placement[]): InterchangeThreat['state'] {
  const written = attribute(t.attributes, OTM_KEYS.state);
  if (written === 'retired' || written === 'active') return written;
  const notApplicable = (s: string) => s.toLowerCase() === 'not-applicable';
  return placements.length > 0 && placements.every((p) => notApplicable(p.state)) ? 'retired' : 'active';
}

/** The revision this app wrote on export, when it is one. */
function ownRevisionOf(attributes: Record<string, unknown> | null | undefined): { ownRevision?: number } {
  const revision = attribute(attributes, OTM_KEYS.revision);
  return typeof revision === 'number' && Number.isSafeInteger(revision) && revision >= 1
    ? { ownRevision: revision }
    : {};
}

function threatOf(t: OtmThreat, placements: Placement[], warnings: string[]): InterchangeThreat {
  const ownId = attribute(t.attributes, OTM_KEYS.threatId);
  return {
    externalId: t.id,
    ...(typeof ownId === 'string' && /^T-[1-9][0-9]*$/.test(ownId) ? { ownId, ...ownRevisionOf(t.attributes) } : {}),
    title: importedTitle(t.name, `Threat ${t.id}`, THREAT_TITLE_MAX),
    description: importedText(t.description, THREAT_DESCRIPTION_MAX),
    stride: strideOf(t, warnings),
    probability: ratingFromPercent(t.risk.likelihood) ?? 3,
    impact: ratingFromPercent(t.risk.impact) ?? 3,
    component: componentOf(t, placements),
    state: stateOf(t, placements),
  };
}

// The furthest state wins when a mitigation is placed on several elements with different states.
const STATUS_ORDER: MitigationStatus[] = ['rejected', 'proposed', 'accepted', 'implemented'];

function statusOf(m: OtmMitigation, states: string[]): MitigationStatus {
  const written = MitigationStatus.safeParse(attribute(m.attributes, OTM_KEYS.status));
  if (written.success) return written.data;
  const statuses = states.map(statusFromOtmState);
  if (statuses.length === 0) return 'proposed';
  return statuses.reduce((a, b) => (STATUS_ORDER.indexOf(b) > STATUS_ORDER.indexOf(a) ? b : a));
}

function strengthOf(m: OtmMitigation, threatId: string): Strength {
  const written = attribute(m.attributes, OTM_KEYS.strengths);
  const own =
    written && typeof written === 'object' && Object.hasOwn(written, threatId)
      ? Strength.safeParse((written as Record<string, unknown>)[threatId])
      : undefined;
  return own?.success ? own.data : (strengthFromPercent(m.riskReduction) ?? 50);
}

function mitigationOf(m: OtmMitigation, links: Array<{ threat: string; state: string }>): InterchangeMitigation {
  // In the order this app wrote them (the strengths attribute), else as the file places them.
  const written = attribute(m.attributes, OTM_KEYS.strengths);
  const order = new Map((written && typeof written === 'object' ? Object.keys(written) : []).map((id, i) => [id, i]));
  const rank = (id: string) => order.get(id) ?? order.size;
  const threatIds = [...new Set(links.map((l) => l.threat))].sort((a, b) => rank(a) - rank(b)).slice(0, 50);
  const status = statusOf(
    m,
    links.map((l) => l.state),
  );
  const controlType = ControlType.safeParse(attribute(m.attributes, OTM_KEYS.controlType));
  const reason = attribute(m.attributes, OTM_KEYS.rejectionReason);
  const ownId = attribute(m.attributes, OTM_KEYS.mitigationId);
  return {
    externalId: m.id,
    ...(typeof ownId === 'string' && /^M-[1-9][0-9]*$/.test(ownId) ? { ownId, ...ownRevisionOf(m.attributes) } : {}),
    title: importedTitle(m.name, `Mitigation ${m.id}`, THREAT_TITLE_MAX),
    implementation: importedText(m.description, THREAT_DESCRIPTION_MAX),
    verification: importedText(
      typeof attribute(m.attributes, OTM_KEYS.verification) === 'string'
        ? (attribute(m.attributes, OTM_KEYS.verification) as string)
        : '',
      THREAT_DESCRIPTION_MAX,
    ),
    controlType: controlType.success ? controlType.data : 'preventive',
    status,
    rejectionReason:
      status !== 'rejected'
        ? ''
        : (typeof reason === 'string' && visibleOrEmpty(importedText(reason, 1000), 1000, true)) ||
          REJECTED_IN_FILE('OTM'),
    addresses: threatIds.map((id) => ({ externalThreatId: id, strength: strengthOf(m, id) })),
  };
}

/**
 * An Open Threat Model file (OTM 0.2.0) in the model's terms: threats with likelihood and impact
 * as probability and impact (see interchange-scales), STRIDE from their categories, the component
 * that holds them; mitigations with the threats the components and dataflows link them to, their
 * state there as status, and riskReduction as strength. The attributes this app writes on export
 * (`without:*`) are read back first. Throws KbImportError (`file:line:col: reason`).
 */
export function importOtm(text: string, file: string): InterchangeModel {
  const doc = readInterchangeJson(text, file, OtmDocument);
  requireAtMost(doc.threats?.length ?? 0, FILE_THREATS_MAX, 'threat', file);
  requireAtMost(doc.mitigations?.length ?? 0, FILE_MITIGATIONS_MAX, 'mitigation', file);
  const warnings: string[] = [];
  const placements = placementsOf(doc);
  const threats = firstOfEach(doc.threats ?? [], 'threat', warnings).map((t) =>
    threatOf(t, placements.get(t.id) ?? [], warnings),
  );
  const known = new Set(threats.map((t) => t.externalId));
  const links = new Map<string, Array<{ threat: string; state: string }>>();
  for (const [threat, list] of placements) {
    if (!known.has(threat)) continue;
    for (const p of list)
      for (const m of p.mitigations) {
        const linked = links.get(m.mitigation);
        if (linked) linked.push({ threat, state: m.state });
        else links.set(m.mitigation, [{ threat, state: m.state }]);
      }
  }
  const mitigations = firstOfEach(doc.mitigations ?? [], 'mitigation', warnings).flatMap((m) => {
    const linked = links.get(m.id) ?? [];
    if (linked.length > 0) return [mitigationOf(m, linked)];
    warnings.push(`Mitigation "${importedLine(m.name, 60)}" mitigates no threat of the file; it is left out.`);
    return [];
  });
  const projectKey = attribute(doc.project.attributes, OTM_KEYS.project);
  return {
    format: 'otm',
    name: importedLine(doc.project.name, 200),
    document: `otm:${importedLine(doc.project.id, 150)}`,
    ...(typeof projectKey === 'string' && projectKey ? { projectKey } : {}),
    threats,
    mitigations,
    warnings,
  };
}
