import Resolver from '@forge/resolver';
import { registerAuditResolvers } from './audit/audit-resolvers';
import { registerInterchangeResolvers } from './interchange/interchange-resolvers';
import { registerComplianceResolvers } from './compliance/compliance-resolvers';
import { registerKnowledgeBaseResolvers } from './knowledge-base/suggestion-resolvers';
import { registerKnowledgeBaseSettingsResolvers } from './knowledge-base/library-resolvers';
import { registerMitigationResolvers } from './mitigation/mitigation-resolvers';
import { registerMonitoringResolvers } from './monitoring/monitoring-resolvers';
import { registerPeopleResolvers } from './people/people-resolvers';
import { registerReportResolvers } from './report/report-resolvers';
import { registerSettingsResolvers } from './settings/settings-resolvers';
import { registerSprintResolvers } from './sprint/sprint-resolvers';
import { registerStoryResolvers } from './story/story-resolvers';
import { registerThreatKnowledgeResolvers } from './threat-model/threat-knowledge-resolvers';
import { registerThreatModelResolvers } from './threat-model/threat-model-resolvers';
import { registerVerificationResolvers } from './verification/verification-resolvers';

/** Every resolver the UI may invoke, defined on `resolver`; returns the keys defined. */
export function registerResolvers(resolver: Resolver): string[] {
  const keys: string[] = [];
  const counting = {
    define: (key: string, run: never) => (keys.push(key), resolver.define(key, run)),
  } as unknown as Resolver;
  for (const register of [
    registerStoryResolvers,
    registerThreatModelResolvers,
    registerThreatKnowledgeResolvers,
    registerSettingsResolvers,
    registerMitigationResolvers,
    registerSprintResolvers,
    registerAuditResolvers,
    registerKnowledgeBaseResolvers,
    registerKnowledgeBaseSettingsResolvers,
    registerMonitoringResolvers,
    registerPeopleResolvers,
    registerVerificationResolvers,
    registerInterchangeResolvers,
    registerComplianceResolvers,
    registerReportResolvers,
  ]) {
    register(counting);
  }
  return keys;
}

const resolver = new Resolver();
export const RESOLVER_KEYS = registerResolvers(resolver);
export const resolverHandler = resolver.getDefinitions();
