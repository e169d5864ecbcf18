import { AppError } from '../common/app-error';
import { isSameEdit, receiptFor } from '../common/edit-receipt';
import type { Mitigation } from '../mitigation/mitigation';
import { findMitigation, type Actor, type ThreatModel } from '../threat-model/threat-model';
import type { VerificationMapping } from './verification-mapping';
import {
  latestVerification,
  RESULT_TEXT,
  RESULTS_KEPT,
  VERIFICATIONS_KEPT,
  type VerificationNoteDraft,
  type VerificationRecord,
} from './verification-record';

// Recording what is known about whether mitigations work: a person's note on one mitigation,
// or the outcome of a security-test file for every mitigation it concerns.

/**
 * The records with one more, keeping the newest VERIFICATIONS_KEPT of each source in their
 * order: however often a security-test file is uploaded, it never pushes out what a person wrote.
 */
function withRecord(mitigation: Mitigation, record: VerificationRecord, actor: Actor): Mitigation {
  const all = [...(mitigation.verifications ?? []), record];
  const kept = new Set([
    ...all.filter((r) => r.source === 'sarif').slice(-VERIFICATIONS_KEPT),
    ...all.filter((r) => r.source !== 'sarif').slice(-VERIFICATIONS_KEPT),
  ]);
  const verifications = all.filter((r) => kept.has(r));
  return {
    ...mitigation,
    verifications,
    updated: { accountId: actor.accountId, at: actor.now },
    revision: mitigation.revision + 1,
  };
}

const replaced = (model: ThreatModel, changed: Mitigation[]): ThreatModel => {
  const byId = new Map(changed.map((m) => [m.id, m]));
  return { ...model, mitigations: model.mitigations.map((m) => byId.get(m.id) ?? m) };
};

/**
 * A verification note by hand (pass, fail or partial, an evidence link), named by the revision of
 * the mitigation the person saw: a stale one is a conflict, a retry of the same note is not.
 */
export function recordVerificationNote(
  model: ThreatModel,
  mitigationId: string,
  baseRevision: number,
  draft: VerificationNoteDraft,
  actor: Actor,
): { model: ThreatModel; mitigation: Mitigation } {
  const current = findMitigation(model, mitigationId);
  const receipt = receiptFor(actor.accountId, baseRevision, { verification: draft });
  if (current.revision === baseRevision + 1 && isSameEdit(current.lastEdit, receipt))
    return { model, mitigation: current };
  if (current.revision !== baseRevision)
    throw new AppError(
      'CONFLICT',
      `Someone else changed ${mitigationId} while you were recording (your copy is revision ${baseRevision}, the saved one ${current.revision}). Reload to see their version.`,
    );
  const record: VerificationRecord = {
    source: 'manual',
    ...draft,
    recorded: { accountId: actor.accountId, at: actor.now },
  };
  const mitigation = { ...withRecord(current, record, actor), lastEdit: receipt };
  return { model: replaced(model, [mitigation]), mitigation };
}

/** Whether the mitigation's newest record is already this SARIF failure: same tool, same results. */
function repeatsLatest(mitigation: Mitigation, record: VerificationRecord): boolean {
  const latest = latestVerification(mitigation);
  const resultsOf = (r: VerificationRecord) =>
    JSON.stringify((r.results ?? []).map(({ ruleId, cwe, message, location }) => [ruleId, cwe, message, location]));
  return (
    latest?.source === 'sarif' &&
    latest.outcome === 'fail' &&
    latest.tool === record.tool &&
    latest.resultCount === record.resultCount &&
    resultsOf(latest) === resultsOf(record)
  );
}

/**
 * The outcome of a security-test file: "fail" on every mitigation in place that an open result
 * maps to; "pass" on a mitigation whose newest record is a failure from the same tool that this
 * run no longer reports. Mitigations the file says nothing new about are left as they are.
 */
export function recordSarifOutcome(
  model: ThreatModel,
  mapping: VerificationMapping,
  actor: Actor,
): { model: ThreatModel; failed: string[]; passed: string[] } {
  const recorded = { accountId: actor.accountId, at: actor.now };
  // What a file says is input: cut to what a stored record may hold, so it always reads back.
  const tool = mapping.tools.join(', ').slice(0, RESULT_TEXT.tool);
  const changed: Mitigation[] = [];
  for (const failing of mapping.failing) {
    const results = failing.results.map(({ ruleId, cwe, message, location }) => ({
      ruleId: ruleId.slice(0, RESULT_TEXT.ruleId),
      cwe: cwe.slice(0, RESULT_TEXT.cwe),
      message: message.slice(0, RESULT_TEXT.message),
      location: location.slice(0, RESULT_TEXT.location),
    }));
    const record: VerificationRecord = {
      source: 'sarif',
      outcome: 'fail',
      evidence: '',
      note: `${results.length} open result${results.length === 1 ? '' : 's'} of ${tool} mapped to it.`,
      tool,
      results: results.slice(0, RESULTS_KEPT),
      resultCount: results.length,
      recorded,
    };
    const current = findMitigation(model, failing.id);
    // The same file (or a run with the same results) uploaded again says nothing new.
    if (repeatsLatest(current, record)) continue;
    changed.push(withRecord(current, record, actor));
  }
  const failedIds = new Set(mapping.failing.map((f) => f.id));
  for (const m of model.mitigations) {
    const latest = latestVerification(m);
    if (failedIds.has(m.id) || latest?.source !== 'sarif' || latest.outcome !== 'fail') continue;
    if (!mapping.tools.includes(latest.tool ?? '') && latest.tool !== tool) continue;
    const record: VerificationRecord = {
      source: 'sarif',
      outcome: 'pass',
      evidence: '',
      note: `No open result of ${tool} maps to it any more.`,
      tool,
      resultCount: 0,
      recorded,
    };
    changed.push(withRecord(m, record, actor));
  }
  return {
    model: changed.length === 0 ? model : replaced(model, changed),
    failed: mapping.failing.map((f) => f.id),
    passed: changed.filter((m) => !failedIds.has(m.id)).map((m) => m.id),
  };
}
