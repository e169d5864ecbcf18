import { acceptThreatTemplate } from '../knowledge-base/accept';
import { builtInKnowledgeBase } from '../knowledge-base/active-knowledge-bases';
import type { KnowledgeBase } from '../knowledge-base/knowledge-base';
import { addThreat, emptyThreatModel, type ThreatModel } from '../threat-model/threat-model';

// Object mothers for the monitoring tests: threat models built the way the app builds them.

export const actor = { accountId: 'bob', now: '2026-11-23T10:00:00.000Z' };
export const kb = builtInKnowledgeBase();

export const byHand = (model: ThreatModel, title: string, probability = 5, impact = 5) =>
  addThreat(model, { title, description: '', stride: ['S'], probability, impact, component: '' }, actor).model;

export const accept = (model: ThreatModel, templateId: string, from: KnowledgeBase = kb) =>
  acceptThreatTemplate(model, from, templateId, actor).model;

/** T-1 by hand (Critical 25), T-2 card data (WEB-I-01, High 15), T-3 other users' records (WEB-I-02, High 16). */
export const project = () =>
  accept(accept(byHand(emptyThreatModel(), 'Admin console exposed'), 'WEB-I-01'), 'WEB-I-02');
