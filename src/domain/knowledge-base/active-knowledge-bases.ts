import { WEB_AND_API_KB } from './built-in/web-and-api';
import { KnowledgeBase } from './knowledge-base';

let builtIn: KnowledgeBase | undefined;

/** The built-in knowledge base, parsed once per process (rule and mitigation indexes are cached on it). */
export function builtInKnowledgeBase(): KnowledgeBase {
  builtIn ??= KnowledgeBase.parse(WEB_AND_API_KB);
  return builtIn;
}
