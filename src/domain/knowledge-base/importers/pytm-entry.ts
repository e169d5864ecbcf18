import { z } from 'zod';
import { clip } from './import-text';
import { ownEntry } from './own-entry';

/**
 * pytm's five-step scale (CAPEC's "Typical Severity" and "Likelihood Of Attack") onto the app's
 * 1-5: Very Low 1, Low 2, Medium 3, High 4, Very High 5. Severity is how bad a successful attack
 * is, so it becomes impact; likelihood becomes probability.
 */
const LEVELS: Record<string, number> = { 'very low': 1, low: 2, medium: 3, high: 4, 'very high': 5 };
const LEVEL_NAMES = 'Very Low, Low, Medium, High or Very High';
/** pytm leaves the likelihood of some threats blank (13 in its library): "not known" is the middle. */
export const UNKNOWN_LIKELIHOOD = 3;

const level = (value: string, ctx: z.RefinementCtx): number => {
  const mapped = ownEntry(LEVELS, value.trim().toLowerCase());
  if (mapped !== undefined) return mapped;
  ctx.addIssue({ code: 'custom', message: `is "${clip(value, 60)}", expected ${LEVEL_NAMES}` });
  return z.NEVER;
};

const Text = z.string().default('');

/** One entry of pytm's threats.json; fields the import does not use are let through. */
export const PytmEntry = z.looseObject({
  SID: z.string().trim().min(1),
  target: z.union([z.string().transform((t) => [t]), z.array(z.string())]).default([]),
  description: z.string().trim().min(1),
  details: Text,
  severity: z.string().transform(level),
  'Likelihood Of Attack': z
    .string()
    .optional()
    .transform((value, ctx) => (value === undefined || value.trim() === '' ? UNKNOWN_LIKELIHOOD : level(value, ctx))),
  condition: Text,
  prerequisites: Text,
  mitigations: Text,
  example: Text,
  references: Text,
  DEPRECATED: z.string().optional(),
});
export type PytmEntry = z.infer<typeof PytmEntry>;

export const PytmLibrary = z.array(PytmEntry);
