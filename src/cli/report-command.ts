import { wholeThreatModelReport } from '../app/report/threat-model-report';
import { AsvsLevel, AsvsStandard } from '../domain/compliance/asvs-catalogue';
import { EXIT, UsageError, type CliIo } from './cli-io';
import { CONNECTION_FLAGS, CONNECTION_USAGE, connectionMessage, connectionOf } from './connection-flags';
import { parseFlags } from './flags';

const USAGE = `Usage: without report --site URL --project KEY [options]

Prints the project's threat-model report for auditors and stakeholders: scope, risk now and
its trend, the threats with severity, residual risk and stories, the mitigations and their
tasks, accepted risks, the last audit and the OWASP ASVS coverage.

${CONNECTION_USAGE}
  --format FORMAT     md (default, Markdown) or html (one self-contained page that prints to PDF)
  --standard STANDARD the ASVS of the coverage section: asvs-5.0 (default) or asvs-4.0.3
  --level LEVEL       its level: 1, 2 (default) or 3
  -h, --help          this help

Exit codes: 0 printed, 2 usage or connection errors.
`;

const FORMATS = ['md', 'html'] as const;

export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { values: [...CONNECTION_FLAGS, 'format', 'standard', 'level'], switches: ['help'] });
  if (flags.switches.has('help') || flags.positional.includes('-h')) {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  if (flags.positional.length > 0) throw new UsageError(`unexpected "${flags.positional[0]}".\n\n${USAGE}`);
  const format = (flags.values.format ?? 'md') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${flags.values.format}").`);
  const standard = AsvsStandard.safeParse(flags.values.standard ?? 'asvs-5.0');
  if (!standard.success)
    throw new UsageError(`--standard must be asvs-5.0 or asvs-4.0.3 (got "${flags.values.standard}").`);
  const level = AsvsLevel.safeParse(Number(flags.values.level ?? '2'));
  if (!level.success) throw new UsageError(`--level must be 1, 2 or 3 (got "${flags.values.level}").`);
  const { site, project, client } = connectionOf(flags, io, USAGE);
  let document;
  try {
    document = await wholeThreatModelReport({ user: client, app: client }, project, {
      format,
      now: new Date().toISOString(),
      standard: standard.data,
      level: level.data,
      siteUrl: site,
      allStories: true,
    });
  } catch (error) {
    io.stderr.write(`without report: ${connectionMessage(error, site)}\n`);
    return EXIT.usage;
  }
  io.stdout.write(document.text);
  return EXIT.ok;
}
