import { route } from '@forge/api';
import { z } from 'zod';
import { listProjectPropertyKeys } from '../client/entity-properties';
import type { JiraClient } from '../client/jira-client';
import { META_KEY } from './threat-model-shards';

const ProjectPage = z.looseObject({
  values: z.array(z.looseObject({ key: z.string() })),
  isLast: z.boolean().optional(),
});

/** Keys of every project the app sees that has a threat model, page by page (50 projects a page). */
export async function* projectsWithThreatModel(app: JiraClient): AsyncGenerator<string> {
  for (let startAt = 0; ; startAt += 50) {
    const page = await app.get(
      route`/rest/api/3/project/search?startAt=${startAt}&maxResults=${50}`.value,
      ProjectPage,
    );
    for (const project of page.values) {
      if ((await listProjectPropertyKeys(app, project.key)).includes(META_KEY)) yield project.key;
    }
    if (page.isLast !== false || page.values.length === 0) break;
  }
}
