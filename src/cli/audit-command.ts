import {
  failsAt,
  failsOnErrors,
  failsOnTolerance,
  toCsv,
  toJson,
  toSarif,
  toTable,
} from '../domain/audit/audit-report';
import { FINDING_SEVERITIES, type FindingSeverity } from '../domain/audit/finding-kinds';
import { basicAuthTransport } from '../jira/client/basic-auth-transport';
import { JiraClient } from '../jira/client/jira-client';
import { JiraApiError } from '../jira/client/jira-errors';
import { auditJiraProject } from '../jira/audit/project-audit';
import { EXIT, UsageError, type CliIo } from './cli-io';
import { parseFlags } from './flags';

const USAGE = `Usage: without audit --site URL --project KEY [options]

Audits a project's threat model against its backlog, on Jira Cloud or the local site.

  --site URL          the Jira site (or JIRA_SITE)
  --project KEY       the project key, e.g. PAY
  --email EMAIL       the account's email (or JIRA_EMAIL)
  --token TOKEN       an API token of that account (or JIRA_API_TOKEN)
  --format FORMAT     table (default), json, csv or sarif
  --fail-on LIST      exit 1 when any of these holds (comma-separated):
                        critical|high|medium|low  an unsuppressed finding at or above that severity
                        tolerance  the project's risk now is above its risk tolerance
                        errors     an unsuppressed finding of a kind the project's exposure tier counts as an error
  --quiet             no progress on stderr

Exit codes: 0 done (and nothing --fail-on names holds), 1 something --fail-on names holds,
2 usage or connection errors.
`;

const FORMATS = ['table', 'json', 'csv', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}").`);
  return value as T;
}

/** Why Jira refused, in words that say what to do. */
function connectionMessage(error: unknown, site: string): string {
  if (error instanceof JiraApiError) {
    if (error.kind === 'UNAUTHORIZED')
      return `${site} did not accept the email and API token (401). Check --email and --token (or JIRA_EMAIL and JIRA_API_TOKEN).`;
    if (error.kind === 'FORBIDDEN') return `The account may not read this project on ${site} (403).`;
    if (error.kind === 'NOT_FOUND')
      return `${error.message} (404 on ${site}): check --project and that the app is installed.`;
    if (error.kind === 'NETWORK') return `${site} could not be reached: ${error.message}`;
    return `Jira answered with an error: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

export async function auditCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, {
    values: ['site', 'project', 'email', 'token', 'format', 'fail-on'],
    switches: ['quiet', 'help'],
  });
  if (flags.switches.has('help')) {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  const site = flags.values.site ?? io.env.JIRA_SITE;
  const project = flags.values.project;
  const email = flags.values.email ?? io.env.JIRA_EMAIL;
  const token = flags.values.token ?? io.env.JIRA_API_TOKEN;
  const missing = [!site && '--site', !project && '--project', !email && '--email', !token && '--token'].filter(
    Boolean,
  );
  if (missing.length > 0) throw new UsageError(`missing ${missing.join(', ')}.\n\n${USAGE}`);
  if (!/^https?:\/\/[^\s/]+/.test(site!))
    throw new UsageError(`--site must be a URL such as https://your-team.atlassian.net (got "${site}").`);
  if (!/^[A-Z][A-Z0-9_]*$/.test(project!))
    throw new UsageError(`--project must be a project key such as PAY (got "${project}").`);
  const format: Format = oneOf('--format', flags.values.format, FORMATS) ?? 'table';
  const failOn = failConditions(flags.values['fail-on']);

  const client = new JiraClient(basicAuthTransport({ siteUrl: site!, email: email!, apiToken: token! }));
  const quiet = flags.switches.has('quiet');
  let result;
  try {
    result = await auditJiraProject(client, project!, {
      now: new Date().toISOString(),
      onProgress: (p) => {
        if (!quiet)
          io.stderr.write(
            `audit ${project}: ${p.stage === 'model' ? 'reading the threat model' : `read ${p.stories} stories, ${p.tasks} tasks`}\n`,
          );
      },
    });
  } catch (error) {
    io.stderr.write(`without audit: ${connectionMessage(error, site!)}\n`);
    return EXIT.usage;
  }
  const output =
    format === 'json'
      ? toJson(result)
      : format === 'csv'
        ? toCsv(result)
        : format === 'sarif'
          ? `${JSON.stringify(toSarif(result, { siteUrl: site!.replace(/\/+$/, ''), toolVersion: '0.1.0' }), null, 2)}\n`
          : toTable(result);
  io.stdout.write(output);
  if (!quiet)
    io.stderr.write(`audit ${project}: ${result.totals.findings} findings (${result.totals.suppressed} suppressed)\n`);
  const failed = failOn.filter((condition) =>
    condition === 'tolerance'
      ? failsOnTolerance(result)
      : condition === 'errors'
        ? failsOnErrors(result)
        : failsAt(result, condition),
  );
  if (!quiet && failOn.includes('tolerance') && result.risk)
    io.stderr.write(
      `audit ${project}: project risk ${formatScore(result.risk.now)}, tolerance ${formatScore(result.risk.tolerance)} (${result.risk.tier} exposure)\n`,
    );
  return failed.length > 0 ? EXIT.findings : EXIT.ok;
}

const FAIL_CONDITIONS = [...FINDING_SEVERITIES, 'tolerance', 'errors'] as const;
type FailCondition = FindingSeverity | 'tolerance' | 'errors';

/** `--fail-on high,tolerance`: each a severity, `tolerance` or `errors`. */
function failConditions(value: string | undefined): FailCondition[] {
  if (value === undefined) return [];
  return value.split(',').map((part) => oneOf<FailCondition>('--fail-on', part.trim(), FAIL_CONDITIONS)!);
}

const formatScore = (score: number): string => String(Math.round(score * 10) / 10);
