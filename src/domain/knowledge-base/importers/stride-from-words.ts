import { STRIDE, type StrideCategory } from '../../threat-model/stride';

/**
 * Words that say which STRIDE category a threat's title belongs to. Used where the source has
 * no STRIDE category of its own (pytm) or one that is not STRIDE (a custom TMT category, a
 * Threat Dragon type outside STRIDE, LINDDUN and CIA). Matched on titles, not on long
 * descriptions, where almost every word appears somewhere.
 */
const KEYWORDS: Record<StrideCategory, RegExp> = {
  S: /\b(spoof\w*|impersonat\w*|masquerad\w*|phishing|forg(?:e|ed|ery|ing)|falsification|sidejack\w*|session (?:hijack\w*|ids?|replay)|passwords?|credentials?|authenticat\w*|identity)\b/i,
  T: /\b(tamper\w*|inject\w*|manipulat\w*|poison\w*|overflow\w*|corrupt\w*|modif\w*|xss|scripts?|splitting|smuggling|traversal|inclusion|encoding|delimiters|detour|schema|alter\w*)\b/i,
  R: /\b(repudiat\w*|audit\w*|logs?|deni(?:es|al of receipt)|untraceable)\b/i,
  I: /\b(disclos\w*|leak\w*|sniff\w*|intercept\w*|expos\w*|fingerprint\w*|footprint\w*|excavation|reverse engineering|eavesdrop\w*|confidential\w*|secrecy|sensitive|tracing|cache)\b/i,
  D: /\b(denial|dos|flood\w*|exhaust\w*|excessive (?:allocation|resource)|blowup|expansion|ping of (?:the )?death|nested payloads|crash\w*|availability|interrupt\w*|inaccessible)\b/i,
  E: /\b(privilege\w*|escalat\w*|elevat\w*|code execution|remote code|code injection|command|hijacking a privileged|bypass\w*|excessive agency|jailbreak\w*|authoriz\w*|access control|tool use)\b/i,
};

/** STRIDE categories named by the words of `text`, in STRIDE order; empty when none is. */
export const strideFromWords = (text: string): StrideCategory[] => STRIDE.filter((c) => KEYWORDS[c].test(text));

/** Categories in STRIDE order without repeats. */
export const inStrideOrder = (categories: Iterable<StrideCategory>): StrideCategory[] => {
  const set = new Set(categories);
  return STRIDE.filter((c) => set.has(c));
};
