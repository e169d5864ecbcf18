import { STRENGTHS, type Strength } from '../../../../src/domain/mitigation/mitigation';

const NAMES = Object.fromEntries(Object.entries(STRENGTHS).map(([name, value]) => [value, name])) as Record<
  Strength,
  keyof typeof STRENGTHS
>;

/** "none", "weak", "average", "strong" or "complete". */
export const strengthName = (strength: Strength): string => NAMES[strength] ?? `${strength}%`;

/** A strength as read in a list: "strong, 75%". */
export const strengthText = (strength: Strength): string => `${strengthName(strength)}, ${strength}%`;

/** How strongly a mitigation addresses a threat, or undefined when it does not address it. */
export function strengthAgainst(
  mitigation: { addresses: Array<{ threatId: string; strength: Strength }> },
  threatId: string,
): Strength | undefined {
  return mitigation.addresses.find((address) => address.threatId === threatId)?.strength;
}

/**
 * Whether "Create task" makes sense: no task yet, and not rejected or already in place (a
 * task would pull an existing or implemented mitigation back to accepted and raise the risk).
 */
export const needsTask = (mitigation: { task: unknown; status: string }): boolean =>
  mitigation.task === null && !['rejected', 'existing', 'implemented'].includes(mitigation.status);
