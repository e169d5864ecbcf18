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
import { auditJiraProject } from '../jira/audit/project-audit';
import { EXIT, UsageError, type CliIo } from './cli-io';
import { CONNECTION_FLAGS, CONNECTION_USAGE, connectionMessage, connectionOf } from './connection-flags';
import { parseFlags } from './flags';

const USAGE = `Usage: without audit --site URL --project KEY [options]

Audits a project's threat model against its backlog, on Jira Cloud or the local site.

${CONNECTION_USAGE}
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

export async function auditCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, {
    values: [...CONNECTION_FLAGS, 'format', 'fail-on'],
    switches: ['quiet', 'help'],
  });
  if (flags.switches.has('help')) {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  const { site, project, client } = connectionOf(flags, io, USAGE);
  const format: Format = oneOf('--format', flags.values.format, FORMATS) ?? 'table';
  const failOn = failConditions(flags.values['fail-on']);

  const quiet = flags.switches.has('quiet');
  let result;
  try {
    result = await auditJiraProject(client, project, {
      now: new Date().toISOString(),
      onProgress: (p) => {
        if (!quiet)
          io.stderr.write(
            `audit ${project}: ${p.stage === 'model' ? 'reading the threat model' : `read ${p.stories} stories, ${p.tasks} tasks`}\n`,
          );
      },
    });
  } catch (error) {
    io.stderr.write(`without audit: ${connectionMessage(error, site)}\n`);
    return EXIT.usage;
  }
  const output =
    format === 'json'
      ? toJson(result)
      : format === 'csv'
        ? toCsv(result)
        : format === 'sarif'
          ? `${JSON.stringify(toSarif(result, { siteUrl: site.replace(/\/+$/, ''), toolVersion: '0.1.0' }), null, 2)}\n`
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
