import data from './web-and-api.json';

// The built-in knowledge base for web applications and APIs: the threats a backlog of a typical
// web shop, SaaS product or public API keeps meeting, themed on the OWASP Top 10 (2021) and the
// OWASP API Security Top 10 (2023), with CAPEC and CWE ids for further reading. Written for this
// app; rules are tuned to the words product owners use in stories.
//
// It is data in the upload format (README, "Knowledge-base format"), so a team can read it,
// copy it and upload a changed version; it is checked by the same schema as an upload when it
// is first used (builtInKnowledgeBase), and its test reads the file through the upload path.
export const WEB_AND_API_KB: unknown = data;
