import Resolver from '@forge/resolver';
import { registerSettingsResolvers } from './settings-resolvers';
import { registerStoryResolvers } from './story-resolvers';
import { registerThreatModelResolvers } from './threat-model-resolvers';

const resolver = new Resolver();
registerStoryResolvers(resolver);
registerThreatModelResolvers(resolver);
registerSettingsResolvers(resolver);

export const resolverHandler = resolver.getDefinitions();
