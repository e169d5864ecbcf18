import { route } from '@forge/api';
import { z } from 'zod';
import { listProjectPropertyKeys } from '../client/entity-properties';
import type { JiraClient } from '../client/jira-client';
import { META_KEY } from './threat-model-shards';

const ProjectPage = z.looseObject({
  values: z.array(z.looseObject({ key: z.string() })),
  isLast: z.boolean().optional(),
});

const PAGE = 50;

/** A project of the site's list, and its place in that list (0-based). */
export interface ListedProject {
  key: string;
  index: number;
}

/**
 * Every project the app sees, from the `startAt`-th on, page by page (50 a page). A run that
 * goes on later starts from a place in the list rather than from a key: Jira does not say how
 * it collates keys (AB_C, AB1, ABC), and listing again from the start to find a key costs a page
 * per 50 projects before any work is done.
 */
export async function* listedProjects(app: JiraClient, startAt = 0): AsyncGenerator<ListedProject> {
  for (let offset = startAt; ; offset += PAGE) {
    const page = await app.get(
      route`/rest/api/3/project/search?startAt=${offset}&maxResults=${PAGE}`.value,
      ProjectPage,
    );
    for (const [i, project] of page.values.entries()) yield { key: project.key, index: offset + i };
    if (page.isLast !== false || page.values.length === 0) break;
  }
}

/** Whether the project holds a threat model (its meta property). */
export async function hasThreatModel(app: JiraClient, projectKey: string): Promise<boolean> {
  return (await listProjectPropertyKeys(app, projectKey)).includes(META_KEY);
}
