import type { KbSuggestionsView, ThreatSuggestionView } from '../../../../src/contract';

/** A suggestion of the built-in knowledge base: account takeover, matched by "password". */
export function aSuggestion(overrides: Partial<ThreatSuggestionView> = {}): ThreatSuggestionView {
  return {
    knowledgeBaseId: 'web-and-api',
    knowledgeBaseName: 'Web applications and APIs',
    templateId: 'WEB-S-01',
    title: 'Account takeover by credential stuffing',
    description: '',
    stride: ['S'],
    severity: { score: 16, band: 'High' },
    reasons: ['summary mentions "password"'],
    generic: false,
    matchedClauseIds: [],
    mitigations: [],
    ...overrides,
  };
}

/** What knowledge-base/suggest answers with these suggestions, the TOP list of the built-in knowledge base. */
export function someSuggestions(suggestions: ThreatSuggestionView[]): KbSuggestionsView {
  return { mode: 'top', knowledgeBases: ['Web applications and APIs'], problems: [], suggestions };
}
