import { readFile } from 'node:fs/promises';
import { isProjectAdmin } from '../app/common/call-reads';
import type { JiraClients } from '../app/common/jira-clients';
import { AppError } from '../domain/common/app-error';
import { printable } from '../domain/common/printable-text';
import { requireModelEditor } from '../app/threat-model/require-model-editor';
import { previewSarif, recordSarif } from '../app/verification/map-sarif';
import { readSarifFile, SarifFileError } from '../domain/verification/read-sarif-file';
import { sarifReport, type SarifReport } from '../domain/verification/sarif-findings';
import type { VerificationMapping } from '../domain/verification/verification-mapping';
import { currentAccountId } from '../jira/people/current-account';
import { EXIT, UsageError, type CliIo } from './cli-io';
import { CONNECTION_FLAGS, CONNECTION_USAGE, connectionMessage, connectionOf } from './connection-flags';
import { parseFlags } from './flags';

const USAGE = `Usage: without verify --sarif FILE --site URL --project KEY [options]

Reads a SARIF 2.1.0 file from a security test (CodeQL, Semgrep, ZAP and the like) and maps its
open results to the project's threats and mitigations: by CWE (the knowledge-base templates'
references and the CWE ids set on threats) and by the rule ids the project maps. Prints the
mapping; records nothing unless --record is given.

  --sarif FILE        the SARIF file
${CONNECTION_USAGE}
  --format FORMAT     table (default) or json
  --record            record the outcome on the mitigations, as the account of --email (it must
                      be allowed to edit the threat model): "verification failed" on each
                      mitigation in place an open result maps to
  --quiet             no summary on stderr
  -h, --help          this help

Exit codes: 0 no open result maps to an implemented mitigation, 1 one does (verification
failed), 2 usage or connection errors, or a malformed file (file:line:col: reason; nothing is
recorded).
`;

async function readSarif(file: string): Promise<SarifReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : String(error)}`);
  }
  try {
    return sarifReport(readSarifFile(text, file));
  } catch (error) {
    if (error instanceof SarifFileError) throw new UsageError(error.message);
    throw error;
  }
}

function table(mapping: VerificationMapping): string {
  const failing = new Set(mapping.failing.map((f) => f.id));
  const lines = mapping.results.map((r) => {
    // A SARIF file is input: its strings could carry terminal escapes or bidi overrides.
    const where = r.location ? ` ${printable(r.location)}` : '';
    const cwe = r.cwe.length > 0 ? ` [${printable(r.cwe.join(', '))}]` : '';
    const targets = [
      ...r.threats.map((t) => t.id),
      ...r.mitigations.map((m) => `${m.id} (${m.status}${failing.has(m.id) ? ': verification failed' : ''})`),
    ];
    return `${printable(r.tool)} ${printable(r.ruleId)}${cwe}${where} -> ${targets.length > 0 ? targets.join(', ') : 'not mapped'}`;
  });
  const summary = `${mapping.results.length} open results (${mapping.closed} closed), ${mapping.results.filter((r) => r.threats.length + r.mitigations.length > 0).length} mapped; verification failed: ${mapping.failing.map((f) => f.id).join(', ') || 'none'}`;
  return `${[...lines, summary].join('\n')}\n`;
}

/**
 * Records as the account of the token, after the app's own check that it may edit the threat
 * model. Outside Forge the model's project properties are written as that account, which Jira
 * allows project administrators only (it also hides a project's role members from the others),
 * so that is said first, in words.
 */
async function recordAsPerson(jira: JiraClients, project: string, report: SarifReport): Promise<VerificationMapping> {
  const accountId = await currentAccountId(jira.user);
  if (!(await isProjectAdmin(jira, project)))
    throw new AppError(
      'FORBIDDEN',
      `You can't edit ${project}'s threat model from the command line: --record writes the project's properties as your account, which Jira allows project administrators only. Leave out --record to see the mapping, or upload the file on the project page.`,
    );
  await requireModelEditor(jira, project, accountId);
  return (await recordSarif(jira, project, accountId, report)).mapping;
}

export async function verifyCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, {
    values: [...CONNECTION_FLAGS, 'sarif', 'format'],
    switches: ['record', 'quiet', 'help'],
  });
  if (flags.switches.has('help') || flags.positional.includes('-h')) {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  const file = flags.values.sarif;
  if (!file) throw new UsageError(`missing --sarif.\n\n${USAGE}`);
  const format = flags.values.format ?? 'table';
  if (format !== 'table' && format !== 'json')
    throw new UsageError(`--format must be one of table, json (got "${format}").`);
  const { site, project, client } = connectionOf(flags, io, USAGE);
  // The file is read before Jira is: a malformed one exits 2 having touched nothing.
  const report = await readSarif(file);
  const jira = { user: client, app: client };
  let mapping: VerificationMapping;
  try {
    mapping = flags.switches.has('record')
      ? await recordAsPerson(jira, project, report)
      : (await previewSarif(jira, project, report)).mapping;
  } catch (error) {
    io.stderr.write(`without verify: ${connectionMessage(error, site)}\n`);
    return EXIT.usage;
  }
  io.stdout.write(format === 'json' ? `${JSON.stringify(mapping, null, 2)}\n` : table(mapping));
  if (!flags.switches.has('quiet'))
    io.stderr.write(
      `verify ${project}: ${mapping.failing.length} mitigations failed verification${flags.switches.has('record') ? ' (recorded)' : ''}\n`,
    );
  return mapping.failing.length > 0 ? EXIT.findings : EXIT.ok;
}
