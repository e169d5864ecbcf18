// Escaping for the host's server-rendered pages: every value from Jira is text.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

/** JSON for an inline <script>, safe against `</script>` inside values. */
export const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

/** Plain text of an Atlassian Document Format value, paragraph by paragraph. */
export function adfParagraphs(doc: unknown): string[] {
  const blocks = (doc as { content?: unknown[] } | null)?.content;
  if (!Array.isArray(blocks)) return [];
  return blocks.map((block) => collectText(block)).filter((t) => t.length > 0);
}

function collectText(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const n = node as { text?: unknown; content?: unknown[] };
  if (typeof n.text === 'string') return n.text;
  return Array.isArray(n.content) ? n.content.map(collectText).join(n.content.length > 1 ? ' ' : '') : '';
}
