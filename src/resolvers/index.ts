import Resolver from '@forge/resolver';
import { registerAuditResolvers } from './audit-resolvers';
import { registerKnowledgeBaseResolvers } from './kb-resolvers';
import { registerKnowledgeBaseSettingsResolvers } from './knowledge-base-settings-resolvers';
import { registerMitigationResolvers } from './mitigation-resolvers';
import { registerMonitoringResolvers } from './monitoring-resolvers';
import { registerPeopleResolvers } from './people-resolvers';
import { registerSettingsResolvers } from './settings-resolvers';
import { registerSprintResolvers } from './sprint-resolvers';
import { registerStoryResolvers } from './story-resolvers';
import { registerThreatKnowledgeResolvers } from './threat-knowledge-resolvers';
import { registerThreatModelResolvers } from './threat-model-resolvers';

const resolver = new Resolver();
registerStoryResolvers(resolver);
registerThreatModelResolvers(resolver);
registerThreatKnowledgeResolvers(resolver);
registerSettingsResolvers(resolver);
registerMitigationResolvers(resolver);
registerSprintResolvers(resolver);
registerAuditResolvers(resolver);
registerKnowledgeBaseResolvers(resolver);
registerKnowledgeBaseSettingsResolvers(resolver);
registerMonitoringResolvers(resolver);
registerPeopleResolvers(resolver);

export const resolverHandler = resolver.getDefinitions();
