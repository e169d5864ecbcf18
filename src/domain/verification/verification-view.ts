import type { MitigationStatus } from '../mitigation/mitigation';
import type { ThreatModel } from '../threat-model/threat-model';
import type { VerificationMapping } from './verification-mapping';
import { latestVerification, verificationFailed, type VerificationRecord } from './verification-record';
import type { VerificationRule } from './verification-rules';

// The Verification tab: a page of the mitigations that are not rejected, each with its newest
// record (what decides its lozenge, and all the tab shows of it); the rule ids the project maps;
// and what the last upload found. A page, not every mitigation: at 10,000 mitigations the whole
// list with every record was 4 MB, over what a page should carry (and near Forge's 5 MB).

/** Mitigations a page of the tab shows. */
export const VERIFICATION_PAGE = 50;

/** Which page of the tab: from `offset`, every mitigation that is not rejected or only the failed ones. */
export interface VerificationShown {
  offset: number;
  failedOnly: boolean;
}

export interface VerifiedMitigation {
  id: string;
  title: string;
  status: MitigationStatus;
  /** Its revision, which a verification note names. */
  revision: number;
  threats: Array<{ id: string; title: string }>;
  /** In place, and the newest record is a failure. */
  failed: boolean;
  /** The newest record (the older ones stay stored on the mitigation), or null when none. */
  latest: VerificationRecord | null;
}

export interface VerificationView {
  projectKey: string;
  /** The page shown: VERIFICATION_PAGE mitigations from `shown.offset`, by number. */
  mitigations: VerifiedMitigation[];
  /** What the page shows; an offset past the end is moved to the last page. */
  shown: VerificationShown;
  /** Mitigations the list holds over all its pages (only the failed ones with `failedOnly`). */
  total: number;
  /** Mitigations in place that failed verification, in the whole model. */
  failedCount: number;
  rules: VerificationRule[];
  /** The threats and mitigations the rules name, with their titles (absent: no longer in the model). */
  ruleTargets: Array<{ id: string; title: string }>;
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

export const FIRST_PAGE: VerificationShown = { offset: 0, failedOnly: false };

export function verificationOf(
  model: ThreatModel,
  shown: VerificationShown = FIRST_PAGE,
): Pick<VerificationView, 'mitigations' | 'shown' | 'total' | 'failedCount' | 'rules' | 'ruleTargets'> {
  const listed = model.mitigations.filter((m) => m.status !== 'rejected');
  const failedCount = listed.filter(verificationFailed).length;
  const rows = (shown.failedOnly ? listed.filter(verificationFailed) : listed).sort(byNumber);
  const lastPage = Math.max(0, Math.ceil(rows.length / VERIFICATION_PAGE) - 1) * VERIFICATION_PAGE;
  const offset = Math.min(Math.floor(shown.offset / VERIFICATION_PAGE) * VERIFICATION_PAGE, lastPage);
  const page = rows.slice(offset, offset + VERIFICATION_PAGE);
  const addressed = new Set(page.flatMap((m) => m.addresses.map((a) => a.threatId)));
  const rules = model.settings.verificationRules ?? [];
  const named = new Set([...addressed, ...rules.map((r) => r.target)]);
  const title = new Map(
    [...model.threats, ...model.mitigations].filter((x) => named.has(x.id)).map((x) => [x.id, x.title]),
  );
  const mitigations = page.map((m) => ({
    id: m.id,
    title: m.title,
    status: m.status,
    revision: m.revision,
    threats: m.addresses.map((a) => ({ id: a.threatId, title: title.get(a.threatId) ?? '' })),
    failed: verificationFailed(m),
    latest: latestVerification(m) ?? null,
  }));
  const ruleTargets = [...new Set(rules.map((r) => r.target))].flatMap((id) => {
    const known = title.get(id);
    return known === undefined ? [] : [{ id, title: known }];
  });
  return { mitigations, shown: { ...shown, offset }, total: rows.length, failedCount, rules, ruleTargets };
}
