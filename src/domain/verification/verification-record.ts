import { z } from 'zod';
import { personText, storedText } from '../common/text-hygiene';

// What is known about whether a mitigation works: notes a person records (pass, fail or
// partial, with an evidence link) and the outcome of security-test results (SARIF) mapped to
// it. Kept on the mitigation, newest last; the newest decides whether it "failed verification".

export const VERIFICATION_OUTCOMES = ['pass', 'fail', 'partial'] as const;
export const VerificationOutcome = z.enum(VERIFICATION_OUTCOMES);
export type VerificationOutcome = z.infer<typeof VerificationOutcome>;

/**
 * Records kept per mitigation and source (by hand; from SARIF): older ones drop off, so a
 * mitigation still fits its shard (30,000 characters), and uploads never push out notes.
 */
export const VERIFICATIONS_KEPT = 5;
/** Results kept per SARIF record. */
export const RESULTS_KEPT = 3;

/** How much of a result a record keeps (characters; CWE ids). */
export const RESULT_TEXT = { ruleId: 200, cwe: 10, message: 300, location: 200, tool: 200 } as const;

const NOTE = { label: 'A verification note', min: 0, max: 1000, multiline: true } as const;

/** An evidence link: https only, so a stored link can never run script when it is opened. */
export const EvidenceLink = z
  .string()
  .trim()
  .max(1000, 'An evidence link is at most 1,000 characters')
  .refine((v) => v === '' || isHttpsUrl(v), 'An evidence link must be an https:// address');

export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}

/** What a person records by hand on a mitigation. */
export const VerificationNoteDraft = z.object({
  outcome: VerificationOutcome,
  evidence: EvidenceLink.default(''),
  note: personText(NOTE).default(''),
});
export type VerificationNoteDraft = z.infer<typeof VerificationNoteDraft>;

const Stamp = z.object({ accountId: z.string(), at: z.string() });

export const VerificationResult = z.looseObject({
  ruleId: z.string().max(RESULT_TEXT.ruleId),
  cwe: z.array(z.string().max(20)).max(RESULT_TEXT.cwe),
  message: z.string().max(RESULT_TEXT.message),
  location: z.string().max(RESULT_TEXT.location),
});
export type VerificationResult = z.infer<typeof VerificationResult>;

/** A record as stored; loose, so fields a newer version adds ride along. */
export const VerificationRecord = z.looseObject({
  source: z.enum(['manual', 'sarif']),
  outcome: VerificationOutcome,
  evidence: z.string().max(1000).default(''),
  note: storedText(NOTE).default(''),
  /** For SARIF: the tool whose run it came from, and the open results mapped to the mitigation. */
  tool: z.string().max(RESULT_TEXT.tool).optional(),
  results: z.array(VerificationResult).max(RESULTS_KEPT).optional(),
  /** For SARIF: how many open results were mapped in all (results keeps the first RESULTS_KEPT). */
  resultCount: z.number().int().min(0).optional(),
  recorded: Stamp,
});
export type VerificationRecord = z.infer<typeof VerificationRecord>;

export const latestVerification = (m: { verifications?: VerificationRecord[] }): VerificationRecord | undefined =>
  m.verifications?.[m.verifications.length - 1];

const IN_PLACE = new Set(['implemented', 'existing']);

/**
 * In place (implemented or existing) but its newest verification failed: it shows "Verification
 * failed", counts as not implemented for residual risk, and is an audit finding.
 */
export const verificationFailed = (m: { status: string; verifications?: VerificationRecord[] }): boolean =>
  IN_PLACE.has(m.status) && latestVerification(m)?.outcome === 'fail';
