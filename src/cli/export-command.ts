import { exportThreatModel } from '../app/interchange/export-threat-model';
import { INTERCHANGE_FORMATS, type InterchangeFormat } from '../domain/interchange/imported-from';
import { EXIT, UsageError, type CliIo } from './cli-io';
import { CONNECTION_FLAGS, CONNECTION_USAGE, connectionMessage, connectionOf } from './connection-flags';
import { parseFlags } from './flags';

const USAGE = `Usage: without export --site URL --project KEY --format otm|threat-composer [options]

Prints a project's threat model (threats, mitigations, the stories and WITHOUT clauses that
carry each threat, the mitigations' tasks) as JSON on stdout.

${CONNECTION_USAGE}
  --format FORMAT     otm (Open Threat Model 0.2.0) or threat-composer (AWS Threat Composer v1, .tc.json)
  --quiet             no progress on stderr

Exit codes: 0 done, 2 usage or connection errors.
`;

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { values: [...CONNECTION_FLAGS, 'format'], switches: ['quiet', 'help'] });
  if (flags.switches.has('help')) {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  const format = flags.values.format;
  if (!format) throw new UsageError(`missing --format.\n\n${USAGE}`);
  if (!(INTERCHANGE_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${INTERCHANGE_FORMATS.join(', ')} (got "${format}").`);
  const { site, project, client } = connectionOf(flags, io, USAGE);
  try {
    // Written to stdout, so not held to the size of a resolver's answer.
    const exported = await exportThreatModel({ user: client, app: client }, project, format as InterchangeFormat);
    io.stdout.write(exported.text);
    for (const problem of exported.problems) io.stderr.write(`export ${project}: ${problem}\n`);
    if (!flags.switches.has('quiet'))
      io.stderr.write(
        `export ${project}: ${exported.threats} threats, ${exported.mitigations} mitigations as ${format}\n`,
      );
    return EXIT.ok;
  } catch (error) {
    io.stderr.write(`without export: ${connectionMessage(error, site)}\n`);
    return EXIT.usage;
  }
}
