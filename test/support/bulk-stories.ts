import type { LocalSite } from '../../local/site/server';
import { storyClausesValue } from '../../src/domain/story/story-clauses';

/** Adds `count` stories to a sprint of PAY, each with a clause linking one of the demo's threats. */
export function addSprintStories(site: LocalSite, sprintId: number, count: number): void {
  const project = site.store.all('project').find((p) => p.key === 'PAY')!;
  const field = site.store.all('customField').find((f) => f.moduleKey === 'without-clauses')!;
  site.store.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = site.store.next('issue', 10000);
      const threatId = `T-${(i % 11) + 1}`;
      site.store.put('issue', id, {
        id,
        key: `PAY-${site.store.next(`issue-number/${project.id}`)}`,
        projectId: project.id,
        issueTypeId: '10001',
        statusId: '10000',
        summary: `As a buyer, I want feature ${i} so that the shop sells more`,
        description: null,
        labels: [],
        reporterAccountId: '712020:alice',
        assigneeAccountId: null,
        created: '2026-11-01T00:00:00.000+0000',
        updated: '2026-11-01T00:00:00.000+0000',
        rank: id,
        sprintId,
        customFields: {
          [field.id]: storyClausesValue(
            [{ id: `c${i}`, text: `threat number ${i} happening`, threatIds: [threatId] }],
            [],
            1,
          ),
        },
        properties: {},
      });
    }
  });
}
