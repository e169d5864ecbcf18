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

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * What is wrong with a site URL, if anything. The API token goes in every request's header, so it
 * goes over https only (plain http only to this machine, for the local site), and never to a URL
 * that carries credentials of its own (found by a review: http://team.atlassian.net sent the token
 * in clear before any redirect).
 */
function siteUrlProblem(site: string): string | undefined {
  let url: URL;
  try {
    url = new URL(site);
  } catch {
    return 'must be a URL such as https://your-team.atlassian.net';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)))
    return 'must be an https URL such as https://your-team.atlassian.net (plain http only for 127.0.0.1 or localhost)';
  if (url.username || url.password) return 'must not carry a user name or password: give --email and --token';
  return undefined;
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
  const siteProblem = siteUrlProblem(site!);
  if (siteProblem) throw new UsageError(`--site ${siteProblem} (got "${site}").`);
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
