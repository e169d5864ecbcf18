import { complianceView } from '../app/compliance/compliance-view';
import { AsvsLevel, AsvsStandard } from '../domain/compliance/asvs-catalogue';
import { coverageCsv } from '../domain/compliance/coverage-csv';
import { EXIT, UsageError, type CliIo } from './cli-io';
import { CONNECTION_FLAGS, CONNECTION_USAGE, connectionMessage, connectionOf } from './connection-flags';
import { parseFlags } from './flags';

const USAGE = `Usage: without compliance --site URL --project KEY [options]

Prints the project's OWASP ASVS coverage: each requirement at the level, covered by an
implemented, planned or no mitigation, with the mitigations, their tasks and the stories.

${CONNECTION_USAGE}
  --standard STANDARD asvs-5.0 (default) or asvs-4.0.3
  --level LEVEL       1, 2 (default) or 3
  --format FORMAT     json (default) or csv
  -h, --help          this help

Exit codes: 0 printed, 2 usage or connection errors.
ASVS text: OWASP Foundation, CC BY-SA 4.0 (the attribution is in the output).
`;

const FORMATS = ['json', 'csv'] as const;

export async function complianceCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { values: [...CONNECTION_FLAGS, 'standard', 'level', 'format'], switches: ['help'] });
  if (flags.switches.has('help') || flags.positional.includes('-h')) {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  if (flags.positional.length > 0) throw new UsageError(`unexpected "${flags.positional[0]}".\n\n${USAGE}`);
  const standard = AsvsStandard.safeParse(flags.values.standard ?? 'asvs-5.0');
  if (!standard.success)
    throw new UsageError(`--standard must be asvs-5.0 or asvs-4.0.3 (got "${flags.values.standard}").`);
  const level = AsvsLevel.safeParse(Number(flags.values.level ?? '2'));
  if (!level.success) throw new UsageError(`--level must be 1, 2 or 3 (got "${flags.values.level}").`);
  const format = flags.values.format ?? 'json';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${format}").`);
  const { site, project, client } = connectionOf(flags, io, USAGE);
  let view;
  try {
    view = await complianceView(
      { user: client, app: client },
      project,
      {
        standard: standard.data,
        level: level.data,
      },
      // The command line has no resolver's 25 s: it reads every story, as of now.
      { allStories: true },
    );
  } catch (error) {
    io.stderr.write(`without compliance: ${connectionMessage(error, site)}\n`);
    return EXIT.usage;
  }
  io.stdout.write(format === 'csv' ? coverageCsv(view) : `${JSON.stringify(view, null, 2)}\n`);
  for (const problem of view.problems) io.stderr.write(`without compliance: ${problem}\n`);
  return EXIT.ok;
}
