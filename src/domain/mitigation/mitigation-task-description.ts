import type { Mitigation } from './mitigation';
import { severityOf } from '../threat-model/severity';
import { STRIDE_NAMES } from '../threat-model/stride';
import type { Threat } from '../threat-model/threat';

/** A story that the mitigation protects, with the clauses that point at its threats. */
export interface ProtectedStory {
  key: string;
  summary: string;
  clauses: Array<{ text: string; threatIds: string[] }>;
  /**
   * The story has a security level: left out of the description, which people who cannot see
   * the story may read (the task has no level); its link stays, which Jira hides from them.
   */
  restricted?: boolean;
}

type Inline = { type: 'text'; text: string; marks?: Array<{ type: 'strong' | 'em' }> };
type Block =
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'heading'; attrs: { level: number }; content: Inline[] }
  | { type: 'bulletList'; content: Array<{ type: 'listItem'; content: Block[] }> };

const text = (value: string, strong = false): Inline =>
  strong ? { type: 'text', text: value, marks: [{ type: 'strong' }] } : { type: 'text', text: value };
const paragraph = (...content: Inline[]): Block => ({
  type: 'paragraph',
  content: content.filter((c) => c.text.length > 0),
});
const heading = (value: string): Block => ({ type: 'heading', attrs: { level: 3 }, content: [text(value)] });
const bullets = (items: Inline[][]): Block => ({
  type: 'bulletList',
  content: items.map((inline) => ({ type: 'listItem', content: [paragraph(...inline)] })),
});

/**
 * Jira Cloud refuses a description over 32,767 characters; the stories a mitigation protects
 * are listed only while the document stays well below that, the rest counted.
 */
const DESCRIPTION_BUDGET = 24_000;

function storyLines(stories: ProtectedStory[], budget: number): Inline[][] {
  const lines: Inline[][] = [];
  let used = 0;
  for (const [index, s] of stories.entries()) {
    const line = [
      text(`${s.key} ${s.summary}`, true),
      text(` — ${s.clauses.map((c) => `WITHOUT ${c.text}`).join('; ')}`),
    ];
    const size = JSON.stringify(line).length + 100;
    if (used + size > budget) {
      lines.push([
        text(
          `and ${stories.length - index} more ${stories.length - index === 1 ? 'story' : 'stories'}; their WITHOUT clauses name this mitigation's threats.`,
        ),
      ]);
      break;
    }
    lines.push(line);
    used += size;
  }
  return lines;
}

/**
 * The task's description, in Atlassian Document Format: what to do, how to verify it, and
 * why: the threats it reduces and the stories whose WITHOUT clauses asked for it.
 */
export function mitigationTaskDescription(mitigation: Mitigation, threats: Threat[], stories: ProtectedStory[]) {
  const addressed = mitigation.addresses.flatMap((a) => {
    const threat = threats.find((t) => t.id === a.threatId);
    return threat ? [{ threat, strength: a.strength }] : [];
  });
  const threatIds = new Set(addressed.map((a) => a.threat.id));
  const content: Block[] = [
    heading('What to implement'),
    paragraph(text(mitigation.implementation || mitigation.title)),
    heading('How to verify it'),
    paragraph(text(mitigation.verification || 'Describe how to check this mitigation works before closing the task.')),
    heading('Why'),
    bullets(
      addressed.map(({ threat, strength }) => {
        const severity = severityOf(threat);
        return [
          text(`${threat.id} ${threat.title}`, true),
          text(
            ` — ${severity.band} (${threat.probability} × ${threat.impact} = ${severity.score}); ${threat.stride.map((s) => STRIDE_NAMES[s]).join(', ')}; this task reduces it by ${strength}%.`,
          ),
        ];
      }),
    ),
  ];
  // A story under a security level is left out: the task has none, so its readers may not see the story.
  const relevant = stories
    .filter((s) => !s.restricted)
    .map((s) => ({ ...s, clauses: s.clauses.filter((c) => c.threatIds.some((id) => threatIds.has(id))) }))
    .filter((s) => s.clauses.length > 0);
  if (relevant.length > 0) {
    content.push(heading('Stories it protects'));
    content.push(bullets(storyLines(relevant, DESCRIPTION_BUDGET - JSON.stringify(content).length)));
  }
  content.push(
    paragraph(text(`Created by Without for Jira from mitigation ${mitigation.id}. Its status follows this task.`)),
  );
  return { type: 'doc' as const, version: 1 as const, content };
}
