import { readMonitoringSpec } from '../app/monitoring/export-monitoring';
import { monitoringMarkdown } from '../domain/monitoring/monitoring-spec';
import { EXIT, UsageError, type CliIo } from './cli-io';
import { CONNECTION_FLAGS, CONNECTION_USAGE, connectionMessage, connectionOf } from './connection-flags';
import { parseFlags } from './flags';

const USAGE = `Usage: without monitoring export --site URL --project KEY [options]

Prints the project's monitoring specification: every detection event of its active threats
(from knowledge-base templates and written by hand), with the signal to log or alert on, the
threshold, who responds and their first steps.

${CONNECTION_USAGE}
  --format FORMAT     json (default) or md (Markdown)
  -h, --help          this help

Exit codes: 0 printed, 2 usage or connection errors.
`;

const FORMATS = ['json', 'md'] as const;

export async function monitoringExportCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { values: [...CONNECTION_FLAGS, 'format'], switches: ['help'] });
  if (flags.switches.has('help') || flags.positional.includes('-h')) {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  if (flags.positional.length > 0) throw new UsageError(`unexpected "${flags.positional[0]}".\n\n${USAGE}`);
  const format = flags.values.format ?? 'json';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${format}").`);
  const { site, project, client } = connectionOf(flags, io, USAGE);
  const jira = { user: client, app: client };
  let spec;
  try {
    spec = await readMonitoringSpec(jira, project);
  } catch (error) {
    io.stderr.write(`without monitoring export: ${connectionMessage(error, site)}\n`);
    return EXIT.usage;
  }
  io.stdout.write(format === 'md' ? monitoringMarkdown(spec) : `${JSON.stringify(spec, null, 2)}\n`);
  return EXIT.ok;
}
