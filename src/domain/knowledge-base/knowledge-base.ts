import { z } from 'zod';
import { importedTextProblem } from '../common/text-hygiene';
import { AsvsReferences } from '../compliance/asvs-catalogue';
import { ControlType, Strength } from '../mitigation/mitigation';
import { StrideCategory } from '../threat-model/stride';
import { RULE_DEPTH_REASON, refuseReservedName } from './input-limits';
import { KnowledgeBaseId } from './knowledge-base-settings';
import { tooDeepRulePath } from './rule-depth';

// A knowledge base: threat and mitigation templates, the rules that say when they apply to a
// story, and STRIDE questions. Built in (src/domain/knowledge-base/built-in/), imported from
// pytm, Microsoft TMT or Threat Dragon by `without kb import`, or uploaded in project settings.
// The format is versioned by `format`; documented in the README ("Knowledge-base format").

export const KB_FORMAT = 'without-kb/1';

// Template ids end up as keys (of views, of lookups by id); a name that reaches a prototype is no id.
const TemplateId = z.string().trim().min(1).max(80).superRefine(refuseReservedName);
// Template text becomes threats, mitigations and WITHOUT clauses: a bidi override or a control
// character a person could not type is refused here, where the file names where it is.
const Text = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((text, ctx) => {
      const problem = importedTextProblem(text);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/**
 * When a template applies to a story. Leaf rules match "any of" their values, case-insensitive;
 * `words` match whole words or phrases in the summary, description and WITHOUT clauses (or the
 * places named in `in`); `linkedThreat` names template ids of the same knowledge base or threat
 * ids (T-n) the story already links.
 */
export type Rule =
  | { always: true }
  | { issueType: string[] }
  | { label: string[] }
  | { component: string[] }
  | { words: string[]; in?: Array<'summary' | 'description' | 'clauses'> }
  | { linkedThreat: string[] }
  | { all: Rule[] }
  | { any: Rule[] }
  | { not: Rule };

const Values = z.array(z.string().trim().min(1).max(200)).min(1).max(200);
const RuleTree: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    z.strictObject({ always: z.literal(true) }),
    z.strictObject({ issueType: Values }),
    z.strictObject({ label: Values }),
    z.strictObject({ component: Values }),
    z.strictObject({
      words: Values,
      in: z
        .array(z.enum(['summary', 'description', 'clauses']))
        .min(1)
        .optional(),
    }),
    z.strictObject({ linkedThreat: Values }),
    z.strictObject({ all: z.array(RuleTree).min(1).max(50) }),
    z.strictObject({ any: z.array(RuleTree).min(1).max(50) }),
    z.strictObject({ not: RuleTree }),
  ]),
);

/**
 * A rule, nested at most MAX_RULE_DEPTH levels deep. The depth is measured first, without
 * recursion, so a rule nested 100,000 deep is one issue instead of a stack overflow inside zod.
 */
export const Rule: z.ZodType<Rule> = z
  .unknown()
  .superRefine((value, ctx) => {
    if (tooDeepRulePath(value)) ctx.addIssue({ code: 'custom', message: RULE_DEPTH_REASON });
  })
  .pipe(RuleTree);

/** Where a template comes from or what it corresponds to elsewhere. */
export const Reference = z.object({
  /** capec, cwe, owasp, url, source (the id in the library it was imported from), condition (a
   * rule of the source tool kept as text, never executed), note. */
  kind: z.enum(['capec', 'cwe', 'owasp', 'url', 'source', 'condition', 'note']),
  value: Text(4000).min(1),
});
export type Reference = z.infer<typeof Reference>;

/** What the running system should log or alert on when the attack is tried. */
export const DetectionEvent = z.object({
  id: TemplateId,
  title: Text(200).min(3),
  /** The log line or metric and the alert condition, in words an operator can wire up. */
  signal: Text(2000).min(3),
});
export type DetectionEvent = z.infer<typeof DetectionEvent>;

export const ThreatTemplate = z.object({
  id: TemplateId,
  title: Text(200).min(3),
  description: Text(4000).default(''),
  stride: z.array(StrideCategory).min(1).max(6),
  probability: z.number().int().min(1).max(5),
  impact: z.number().int().min(1).max(5),
  /** Part of the short "TOP" list. */
  top: z.boolean().default(false),
  /** The component kind it concerns (see COMPONENT_KINDS), or free text from an import. */
  component: Text(200).default(''),
  appliesWhen: Rule,
  references: z.array(Reference).max(50).default([]),
  detectionEvents: z.array(DetectionEvent).max(20).default([]),
  /** OWASP ASVS requirements the threat is about (v5.0.0-6.3.1): the mitigations of threats made from it count for them. */
  asvs: AsvsReferences.optional(),
});
export type ThreatTemplate = z.infer<typeof ThreatTemplate>;

export const MitigationTemplate = z.object({
  id: TemplateId,
  title: Text(200).min(3),
  implementation: Text(4000).default(''),
  verification: Text(4000).default(''),
  controlType: ControlType.default('preventive'),
  top: z.boolean().default(false),
  /** Threat template ids of the same knowledge base, with how much this removes of each. */
  addresses: z
    .array(z.object({ threatId: TemplateId, strength: Strength }))
    .min(1)
    .max(50),
  references: z.array(Reference).max(50).default([]),
  /** OWASP ASVS requirements it meets (v5.0.0-6.3.1, v4.0.3-2.2.1); mitigations made from it carry them. */
  asvs: AsvsReferences.optional(),
});
export type MitigationTemplate = z.infer<typeof MitigationTemplate>;

/** The six STRIDE questions asked of every component kind, one per category. */
export const QUESTION_TOPICS = {
  S: 'authentication',
  T: 'validation',
  R: 'audit-logging',
  I: 'encryption-in-transit',
  D: 'availability',
  E: 'least-privilege',
} as const;
export const QuestionTopic = z.enum([
  'authentication',
  'validation',
  'audit-logging',
  'encryption-in-transit',
  'availability',
  'least-privilege',
]);

export const StrideQuestion = z.object({
  id: TemplateId,
  stride: StrideCategory,
  topic: QuestionTopic,
  /** The component kind asked about (see COMPONENT_KINDS); a threat gets the questions of its component and STRIDE categories. */
  componentKind: Text(80).min(1),
  text: Text(1000).min(5),
  /** Why it matters: what goes wrong when the answer is no. */
  why: Text(2000).min(5),
  appliesWhen: Rule.default({ always: true }),
});
export type StrideQuestion = z.infer<typeof StrideQuestion>;

export const KnowledgeBase = z
  .object({
    format: z.literal(KB_FORMAT, { error: `A knowledge base has "format": "${KB_FORMAT}"` }),
    id: KnowledgeBaseId,
    name: Text(200).min(1),
    /** The content's own version; a threat created from a template remembers it so updates can be shown. */
    version: Text(40).min(1),
    description: Text(4000).default(''),
    source: z.object({
      format: z.enum(['built-in', 'without', 'pytm', 'tmt', 'threat-dragon', 'otm', 'threat-composer']),
      file: Text(400).optional(),
    }),
    threats: z.array(ThreatTemplate).max(5000),
    mitigations: z.array(MitigationTemplate).max(10000),
    questions: z.array(StrideQuestion).max(2000).default([]),
  })
  .superRefine((kb, ctx) => {
    const threatIds = new Set<string>();
    kb.threats.forEach((t, i) => {
      if (threatIds.has(t.id))
        ctx.addIssue({
          code: 'custom',
          path: ['threats', i, 'id'],
          message: `Threat template id ${t.id} appears twice`,
        });
      threatIds.add(t.id);
    });
    const mitigationIds = new Set<string>();
    kb.mitigations.forEach((m, i) => {
      if (mitigationIds.has(m.id))
        ctx.addIssue({
          code: 'custom',
          path: ['mitigations', i, 'id'],
          message: `Mitigation template id ${m.id} appears twice`,
        });
      mitigationIds.add(m.id);
      m.addresses.forEach((a, j) => {
        if (!threatIds.has(a.threatId))
          ctx.addIssue({
            code: 'custom',
            path: ['mitigations', i, 'addresses', j, 'threatId'],
            message: `Mitigation ${m.id} addresses ${a.threatId}, which is not a threat of this knowledge base`,
          });
      });
    });
  });
export type KnowledgeBase = z.infer<typeof KnowledgeBase>;
export type KnowledgeBaseInput = z.input<typeof KnowledgeBase>;

/** Component kinds the built-in questions are asked for; imports may use other words. */
export const COMPONENT_KINDS = [
  'web-ui',
  'api',
  'data-store',
  'identity',
  'message-queue',
  'external-service',
] as const;

const COMPONENT_KIND_LABELS: Record<(typeof COMPONENT_KINDS)[number], string> = {
  'web-ui': 'Web UI',
  api: 'API',
  'data-store': 'Data store',
  identity: 'Identity',
  'message-queue': 'Message queue',
  'external-service': 'External service',
};

/** A component kind or a threat's component as one key: "Data store", " data-store" and "DATA STORE" are one. */
export const componentKey = (component: string): string =>
  component
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

/** What a threat made from a template names as its component: the kind's label, or the imported text as it is. */
export function componentLabel(component: string): string {
  const kind = COMPONENT_KINDS.find((k) => k === componentKey(component));
  return kind ? COMPONENT_KIND_LABELS[kind] : component;
}
