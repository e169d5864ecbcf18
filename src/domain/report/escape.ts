import { printable } from '../common/printable-text';

// Every text in a report that a person wrote (a threat's title, a story key's summary, a
// reason) comes from Jira and may be hostile. These make it inert text in each format.

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML content or a quoted attribute value. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML[c]!);

/**
 * Text as Markdown that renders as exactly that text, on one line: every ASCII punctuation
 * character is backslash-escaped (CommonMark lets any be), so no link, image, emphasis, HTML
 * tag, table cell break or heading can start; escaping "." and ":" also stops GFM's autolinks
 * ("www.x.y", "https://…", "a@b.c"). Line breaks become spaces (a report cell is one line), and
 * so do other control and bidi characters (printable): a Markdown file is printed to terminals too.
 */
export function escapeMarkdown(text: string): string {
  return printable(text)
    .replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`)
    .trim();
}

/** A URL the report may link to: only http(s) on the site the report names, or none. */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:'
      ? parsed.toString().replace(/\/+$/, '')
      : undefined;
  } catch {
    return undefined;
  }
}
