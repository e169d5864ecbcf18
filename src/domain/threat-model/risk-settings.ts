import { z } from 'zod';

// How a project weighs its risk: its exposure tier (which sets the default tolerance and which
// audit kinds are errors, see exposure-tier.ts), a tolerance of its own, whether detective
// controls lower residual risk, and who may accept a threat's residual risk.

export const EXPOSURE_TIERS = ['low', 'standard', 'critical'] as const;
export const ExposureTier = z.enum(EXPOSURE_TIERS, { error: 'The tier is low, standard or critical exposure' });
export type ExposureTier = z.infer<typeof ExposureTier>;

/** A tolerance above any project's risk: 1,000 threats of severity 25 at most. */
export const TOLERANCE_MAX = 25_000;

export const RiskSettings = z.object({
  tier: ExposureTier.default('standard'),
  /** The project risk the team tolerates; null: the tier's default. */
  tolerance: z
    .number({ error: 'The tolerance is a number' })
    .min(0, 'The tolerance is 0 or more')
    .max(TOLERANCE_MAX, `The tolerance is at most ${TOLERANCE_MAX}`)
    .nullable()
    .default(null),
  /** Detective controls (alerts) serve the response, not prevention: they lower residual risk only when this is on. */
  countDetective: z.boolean().default(false),
  /** Project role ids whose members may accept a threat's residual risk (project admins always may). */
  accepterRoleIds: z.array(z.string().max(40)).max(20).default([]),
});
export type RiskSettings = z.infer<typeof RiskSettings>;

export const DEFAULT_RISK_SETTINGS: RiskSettings = {
  tier: 'standard',
  tolerance: null,
  countDetective: false,
  accepterRoleIds: [],
};
