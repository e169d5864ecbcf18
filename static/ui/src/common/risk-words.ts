/**
 * The app's one vocabulary for risk, explained where the words appear (tooltips on hover and
 * focus, short help text). Two "future" numbers exist and are never both called "planned":
 * - once planned work is done: one definition (isPlanned in the domain's residual risk), the
 *   same figure on the project page, its threat rows, the sprint view and the audit;
 * - after this sprint: only the tasks in this sprint done (the sprint view).
 */
export const ONCE_PLANNED = 'once planned work is done';
export const AFTER_SPRINT = 'after this sprint';

export const RISK_HELP = {
  severity:
    'Severity: probability × impact, each 1–5, so 1–25. Low up to 4, Medium up to 9, High up to 16, Critical above.',
  residual:
    'Residual: what is left of the severity once the implemented and existing mitigations count. Independent controls multiply: severity × (1 − strength₁) × (1 − strength₂) × …, so two average (50%) controls leave 25%, one complete (100%) control leaves 0. Detective controls (alerts) count only if the project settings say so. Shown as residual / severity.',
  oncePlanned:
    'Once planned work is done: the risk if all planned work were implemented too: the mitigations marked planned or in progress, and the accepted ones whose task (not done) is in an open sprint, active or future. Tasks in the backlog do not count. The project page and the sprint view show the same figure.',
  afterSprint:
    'After this sprint: the project’s risk if every security task in this sprint is done; work outside the sprint does not count.',
  projectRisk: 'Project risk: the sum of the residual risk of every active threat.',
  tolerance:
    'Tolerance: the project risk the team accepts, from the project settings (or the default of its exposure tier). Above it, the Threat model tab, the sprint view and `npx without audit --fail-on tolerance` say so.',
  accepted:
    'Accepted: someone allowed to accept risk decided the residual risk of this threat is acceptable, with a reason, until a date. Until then the audit does not ask for a mitigation; after it, the audit reports the acceptance as expired.',
  beforeMitigations:
    'Before mitigations: the sum of the severities of every active threat, as if nothing were in place.',
  strength:
    'Strength: how much of a threat’s risk a mitigation takes away once implemented: none 0%, weak 25%, average 50%, strong 75%, complete 100%.',
  removes:
    'Removes: the risk this work takes away once done: for each threat it addresses, its residual risk now less its residual risk with this mitigation in place too.',
  top: 'TOP: the short list of threats most stories meet, from the knowledge base. Full lists every threat of the active knowledge bases.',
} as const;
