/** All text of an Atlassian Document Format value (or of a plain string), space separated. */
export function adfText(document: unknown): string {
  const parts: string[] = [];
  collectText(document, parts);
  return parts.join(' ');
}

function collectText(node: unknown, parts: string[]): void {
  if (typeof node === 'string') {
    parts.push(node);
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((child) => collectText(child, parts));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  if ('text' in node && typeof node.text === 'string') parts.push(node.text);
  if ('content' in node) collectText(node.content, parts);
}
