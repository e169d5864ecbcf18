import { basicAuthTransport } from '../jira/client/basic-auth-transport';
import { JiraClient } from '../jira/client/jira-client';
import { JiraApiError } from '../jira/client/jira-errors';
import { UsageError, type CliIo } from './cli-io';
import type { ParsedFlags } from './flags';

/** The connection options every command that reaches Jira takes, as `without audit` does. */
export const CONNECTION_FLAGS = ['site', 'project', 'email', 'token'];

export const CONNECTION_USAGE = `  --site URL          the Jira site (or JIRA_SITE)
  --project KEY       the project key, e.g. PAY
  --email EMAIL       the account's email (or JIRA_EMAIL)
  --token TOKEN       an API token of that account (or JIRA_API_TOKEN)`;

export interface Connection {
  site: string;
  project: string;
  client: JiraClient;
}

/** The site, project and a client acting as the account; a usage error names what is missing or malformed. */
export function connectionOf(flags: ParsedFlags, io: CliIo, usage: string): Connection {
  const site = flags.values.site ?? io.env.JIRA_SITE;
  const project = flags.values.project;
  const email = flags.values.email ?? io.env.JIRA_EMAIL;
  const token = flags.values.token ?? io.env.JIRA_API_TOKEN;
  const missing = [!site && '--site', !project && '--project', !email && '--email', !token && '--token'].filter(
    Boolean,
  );
  if (missing.length > 0) throw new UsageError(`missing ${missing.join(', ')}.\n\n${usage}`);
  if (!/^https?:\/\/[^\s/]+/.test(site!))
    throw new UsageError(`--site must be a URL such as https://your-team.atlassian.net (got "${site}").`);
  if (!/^[A-Z][A-Z0-9_]*$/.test(project!))
    throw new UsageError(`--project must be a project key such as PAY (got "${project}").`);
  return {
    site: site!,
    project: project!,
    client: new JiraClient(basicAuthTransport({ siteUrl: site!, email: email!, apiToken: token! })),
  };
}

/** Why Jira (or the app) refused, in words that say what to do. */
export function connectionMessage(error: unknown, site: string): string {
  if (error instanceof JiraApiError) {
    if (error.kind === 'UNAUTHORIZED')
      return `${site} did not accept the email and API token (401). Check --email and --token (or JIRA_EMAIL and JIRA_API_TOKEN).`;
    if (error.kind === 'FORBIDDEN') return `The account may not do this in this project on ${site} (403).`;
    if (error.kind === 'NOT_FOUND')
      return `${error.message} (404 on ${site}): check --project and that the app is installed.`;
    if (error.kind === 'NETWORK') return `${site} could not be reached: ${error.message}`;
    return `Jira answered with an error: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
