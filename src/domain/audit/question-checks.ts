import { severityOf } from '../threat-model/severity';
import { activeThreats, type AuditIndex } from './audit-index';
import { type Finding, newFinding } from './finding';
import { threatName } from './finding-text';

/** Active critical threats with STRIDE questions the team has not answered. */
export function unansweredQuestions(index: AuditIndex): Finding[] {
  const keysByThreat = index.input.questionKeys;
  if (!keysByThreat) return [];
  return activeThreats(index).flatMap((t) => {
    const severity = severityOf(t);
    const keys = keysByThreat[t.id] ?? [];
    if (severity.band !== 'Critical' || keys.length === 0) return [];
    const open = keys.filter((key) => t.answers?.[key] === undefined);
    if (open.length === 0) return [];
    return [
      newFinding({
        kind: 'questions-unanswered',
        key: [t.id],
        threats: [t],
        entities: { threatIds: [t.id] },
        message: `${threatName(t)} (Critical) has ${open.length} of ${keys.length} STRIDE question${keys.length === 1 ? '' : 's'} unanswered.`,
        fix: { action: 'answer-questions', label: 'Answer its STRIDE questions', target: { threatId: t.id } },
      }),
    ];
  });
}
