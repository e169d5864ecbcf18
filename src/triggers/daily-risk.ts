import { route } from '@forge/api';
import { z } from 'zod';
import { listProjectPropertyKeys } from '../jira/entity-properties';
import { META_KEY } from '../jira/threat-model-shards';
import { appClient } from '../resolvers/clients';
import { recordRisk } from './task-status-changed';

const ProjectPage = z.looseObject({ values: z.array(z.looseObject({ key: z.string() })), isLast: z.boolean().optional() });

/** Once a day, every project with a threat model gets its risk point, even on quiet days. */
export async function onDailyRisk(): Promise<void> {
  const app = appClient();
  const now = new Date().toISOString();
  for (let startAt = 0; ; startAt += 50) {
    const page = await app.get(route`/rest/api/3/project/search?startAt=${startAt}&maxResults=${50}`.value, ProjectPage);
    for (const project of page.values) {
      const keys = await listProjectPropertyKeys(app, project.key);
      if (keys.includes(META_KEY)) await recordRisk(project.key, now);
    }
    if (page.isLast !== false || page.values.length === 0) break;
  }
}
