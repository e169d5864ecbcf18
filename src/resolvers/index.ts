import Resolver from '@forge/resolver';
import { registerAuditResolvers } from './audit-resolvers';
import { registerMitigationResolvers } from './mitigation-resolvers';
import { registerSettingsResolvers } from './settings-resolvers';
import { registerSprintResolvers } from './sprint-resolvers';
import { registerStoryResolvers } from './story-resolvers';
import { registerThreatModelResolvers } from './threat-model-resolvers';

const resolver = new Resolver();
registerStoryResolvers(resolver);
registerThreatModelResolvers(resolver);
registerSettingsResolvers(resolver);
registerMitigationResolvers(resolver);
registerSprintResolvers(resolver);
registerAuditResolvers(resolver);

export const resolverHandler = resolver.getDefinitions();
