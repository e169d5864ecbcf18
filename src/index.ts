// The handlers manifest.yml names (function handler `index.<export>`).
export { resolverHandler as resolver } from './resolvers';
