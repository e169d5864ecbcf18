import type { MitigationRow, StrideQuestionView, ThreatRow, ThreatsAnswer } from '../../../../src/contract';

/**
 * The threats the page has read in full (threat-model/threats): the page shown, the rows opened,
 * the threats a dialog is open on. The index says which threats there are; this says what is in
 * them. Rows stay once read, so a page turned back to shows at once while it is read again.
 */
export interface FullThreats {
  threats: ReadonlyMap<string, ThreatRow>;
  /** Each read threat's mitigations, rejected ones last. */
  mitigations: ReadonlyMap<string, MitigationRow[]>;
  questions: Readonly<Record<string, StrideQuestionView>>;
}

export const NO_FULL_THREATS: FullThreats = { threats: new Map(), mitigations: new Map(), questions: {} };

/** The mitigations that address a threat, rejected ones last. */
export function mitigationsAddressing(mitigations: readonly MitigationRow[], threatId: string): MitigationRow[] {
  return mitigations
    .filter((m) => m.addresses.some((a) => a.threatId === threatId))
    .sort((a, b) => Number(a.status === 'rejected') - Number(b.status === 'rejected'));
}

/**
 * What an answer for `asked` says: each asked threat as it is now, or gone. A row the page saved
 * since the read began (a higher revision) stays: the answer is older than it.
 */
export function withAnswer(full: FullThreats, asked: readonly string[], answer: ThreatsAnswer): FullThreats {
  const threats = new Map(full.threats);
  const mitigations = new Map(full.mitigations);
  const found = new Map(answer.threats.map((t) => [t.id, t]));
  for (const id of asked) {
    const read = found.get(id);
    const kept = threats.get(id);
    if (kept && read && kept.revision > read.revision) continue;
    if (!read) {
      threats.delete(id);
      mitigations.delete(id);
      continue;
    }
    threats.set(id, read);
    mitigations.set(id, mitigationsAddressing(answer.mitigations, id));
  }
  return { threats, mitigations, questions: { ...full.questions, ...answer.questions } };
}
