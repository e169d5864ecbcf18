import type { MitigationStatus } from '../mitigation/mitigation';
import type { ThreatModel } from '../threat-model/threat-model';
import type { VerificationMapping } from './verification-mapping';
import { verificationFailed, type VerificationRecord } from './verification-record';
import type { VerificationRule } from './verification-rules';

// The Verification tab: every mitigation that is not rejected, with what is known about whether
// it works, newest record first; the rule ids the project maps; and what the last upload found.

export interface VerifiedMitigation {
  id: string;
  title: string;
  status: MitigationStatus;
  /** Its revision, which a verification note names. */
  revision: number;
  threats: Array<{ id: string; title: string }>;
  /** In place, and the newest record is a failure. */
  failed: boolean;
  /** Newest first. */
  records: VerificationRecord[];
}

export interface VerificationView {
  projectKey: string;
  mitigations: VerifiedMitigation[];
  rules: VerificationRule[];
  /** Targets a rule can be mapped to: active threats and mitigations that are not rejected. */
  targets: Array<{ id: string; title: string }>;
  canEdit: boolean;
  problems: string[];
}

/**
 * What an upload answers: the file's mapping (at most ANSWERED_RESULTS_MAX results, mapped first;
 * `failing` without results), how many results the file had, what was recorded, and the view after it.
 */
export interface SarifUploadResult {
  mapping: VerificationMapping;
  counts: { results: number; mapped: number };
  failed: string[];
  passed: string[];
  view: VerificationView;
}

const byNumber = (a: { id: string }, b: { id: string }) => Number(a.id.slice(2)) - Number(b.id.slice(2));

export function verificationOf(model: ThreatModel): Pick<VerificationView, 'mitigations' | 'rules' | 'targets'> {
  const title = new Map(model.threats.map((t) => [t.id, t.title]));
  const mitigations = model.mitigations
    .filter((m) => m.status !== 'rejected')
    .sort(byNumber)
    .map((m) => ({
      id: m.id,
      title: m.title,
      status: m.status,
      revision: m.revision,
      threats: m.addresses.map((a) => ({ id: a.threatId, title: title.get(a.threatId) ?? '' })),
      failed: verificationFailed(m),
      records: [...(m.verifications ?? [])].reverse(),
    }));
  const targets = [
    ...model.threats.filter((t) => t.state === 'active').sort(byNumber),
    ...model.mitigations.filter((m) => m.status !== 'rejected').sort(byNumber),
  ].map((x) => ({ id: x.id, title: x.title }));
  return { mitigations, rules: model.settings.verificationRules ?? [], targets };
}
