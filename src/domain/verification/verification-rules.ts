import { z } from 'zod';

// Rule ids a project maps by hand to a threat or a mitigation, for results whose rule names no
// CWE, or names one the threat model does not use (project settings).

export const VERIFICATION_RULES_MAX = 200;

export const VerificationRule = z.object({
  ruleId: z
    .string()
    .trim()
    .min(1, 'Give the rule id as the tool reports it, e.g. js/xss')
    .max(300, 'A rule id is at most 300 characters')
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'A rule id has no control characters'),
  /** A threat (T-3) or a mitigation (M-4). */
  target: z.string().regex(/^[TM]-[1-9][0-9]*$/, 'Map a rule to a threat (T-3) or a mitigation (M-4)'),
});
export type VerificationRule = z.infer<typeof VerificationRule>;

export const VerificationRules = z
  .array(VerificationRule)
  .max(VERIFICATION_RULES_MAX, `At most ${VERIFICATION_RULES_MAX} rule mappings`)
  .refine(
    (list) => new Set(list.map((r) => `${r.ruleId}\u0000${r.target}`)).size === list.length,
    'Each rule is mapped to a threat or mitigation once',
  );
