import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraClient } from '../client/jira-client';

const ProjectName = z.looseObject({ key: z.string(), name: z.string() });

/** The project's name as the person sees it (GET project), for a report's title. */
export async function readProjectName(client: JiraClient, projectKey: string): Promise<string> {
  const project = await client.get(route`/rest/api/3/project/${projectKey}`.value, ProjectName);
  return project.name;
}
