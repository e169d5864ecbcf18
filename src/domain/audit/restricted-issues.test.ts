import { audit, messy, story } from './audit-fixtures';
import type { AuditStory, AuditTask } from './audit-input';

// A finding about an issue under a security level keeps none of the issue's text: the stored
// result is readable by everyone who browses the project, and some of them may not see the issue.

const restrict = <T extends AuditStory | AuditTask>(issue: T): T => ({ ...issue, restricted: true });

describe('audit: issues under a security level', () => {
  const shape = messy();
  const open = audit(shape);
  const texts = [
    ...shape.stories.flatMap((s) => [s.summary, s.counted?.description ?? ''].filter(Boolean)),
    ...shape.tasks.flatMap((t) => [t.summary, t.statusName]),
    // Every clause text of the fixture ("having clause c1 broken", ...).
    ...open.findings.flatMap((f) => [...f.message.matchAll(/WITHOUT clause "([^"]+)"/g)].map((m) => m[1]!)),
  ];

  it('finds the same findings, naming the same issues, with no summary, clause, status or matched word', () => {
    const closed = audit({ ...shape, stories: shape.stories.map(restrict), tasks: shape.tasks.map(restrict) });
    const outline = (r: typeof open) => r.findings.map((f) => [f.id, f.severity, f.entities, f.fix]);
    expect(outline(closed)).toEqual(outline(open));
    expect(closed.counts).toEqual(open.counts);
    const naming = closed.findings.filter((f) => f.entities.storyKeys.length + f.entities.taskKeys.length > 0);
    expect(naming.length).toBeGreaterThan(5);
    for (const finding of naming) {
      for (const text of texts) expect(finding.message).not.toContain(text);
      expect(finding.message).not.toContain('"');
      for (const key of [...finding.entities.storyKeys, ...finding.entities.taskKeys])
        expect(finding.message).toContain(key);
      expect(finding.message).toMatch(/a security level, so the audit keeps no text of (it|them): open/);
    }
  });

  it('keeps the text of the issues without a level', () => {
    const secret = story('PAY-77', {
      summary: 'Acquire Fintech Ltd quietly',
      clauses: [{ id: 'c9', text: 'leaking the merger before it is signed', threatIds: [] }],
    });
    const result = audit({ ...shape, stories: [...shape.stories, restrict(secret)] });
    const mine = result.findings.find((f) => f.id === 'clause-without-threat:PAY-77:c9')!;
    expect(mine.message).toBe(
      'WITHOUT clause linked to no threat: PAY-77. PAY-77 has a security level, so the audit keeps no text of it: open it in Jira to see the details.',
    );
    expect(JSON.stringify(result)).not.toMatch(/Fintech|merger/);
    const others = result.findings.filter((f) => !f.entities.storyKeys.includes('PAY-77'));
    expect(others.map((f) => f.message)).toEqual(open.findings.map((f) => f.message));
  });
});
