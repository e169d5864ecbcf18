import { FINDING_KINDS, type FindingKind } from '../audit/finding-kinds';
import type { ExposureTier, RiskSettings } from './risk-settings';

// The graded mandate per project: the more exposed the system (data, users, money), the lower
// the project risk tolerated by default, and the more audit kinds count as errors (what
// `npx without audit --fail-on errors` fails on). One table, shown on the settings page.

export interface TierRules {
  label: string;
  /** Who it is for, in a few words. */
  meaning: string;
  /** The project risk tolerated when the settings name no tolerance of their own. */
  defaultTolerance: number;
  /** The audit kinds that are errors in this tier; every other kind is a warning. */
  errorKinds: readonly FindingKind[];
}

const ALWAYS: readonly FindingKind[] = ['model-unreadable', 'task-unrecorded', 'acceptance-expired'];

export const EXPOSURE_TIER_RULES: Record<ExposureTier, TierRules> = {
  low: {
    label: 'Low exposure',
    meaning: 'internal tools, no personal or payment data',
    defaultTolerance: 120,
    errorKinds: ALWAYS,
  },
  standard: {
    label: 'Standard exposure',
    meaning: 'customer-facing, personal data',
    defaultTolerance: 80,
    errorKinds: [
      ...ALWAYS,
      'threat-without-mitigation',
      'story-done-unmitigated',
      'status-out-of-sync',
      'questions-unanswered',
    ],
  },
  critical: {
    label: 'Critical exposure',
    meaning: 'payments, health or safety data, regulated',
    defaultTolerance: 40,
    errorKinds: FINDING_KINDS,
  },
};

/** The project risk tolerated: the settings' own number, or the tier's default. */
export const toleranceOf = (risk: Pick<RiskSettings, 'tier' | 'tolerance'>): number =>
  risk.tolerance ?? EXPOSURE_TIER_RULES[risk.tier].defaultTolerance;

export const isErrorKind = (tier: ExposureTier, kind: FindingKind): boolean =>
  EXPOSURE_TIER_RULES[tier].errorKinds.includes(kind);
