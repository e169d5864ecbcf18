import Resolver from '@forge/resolver';
import { registerStoryResolvers } from './story-resolvers';

const resolver = new Resolver();
registerStoryResolvers(resolver);

export const resolverHandler = resolver.getDefinitions();
