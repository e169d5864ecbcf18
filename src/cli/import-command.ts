import { readFile } from 'node:fs/promises';
import { applyModelImport, previewModelImport } from '../app/interchange/import-threat-model';
import type { InterchangeImportResult } from '../contract';
import { printable } from '../domain/common/printable-text';
import { INTERCHANGE_FORMATS, type InterchangeFormat } from '../domain/interchange/imported-from';
import type { InterchangeModel } from '../domain/interchange/interchange-model';
import { readInterchangeFile } from '../domain/interchange/read-interchange-file';
import { KbImportError, unforeseenImportError } from '../domain/knowledge-base/importers/import-error';
import { JiraApiError } from '../jira/client/jira-errors';
import { currentAccountId } from '../jira/people/current-account';
import { EXIT, UsageError, type CliIo } from './cli-io';
import { CONNECTION_FLAGS, CONNECTION_USAGE, connectionMessage, connectionOf } from './connection-flags';
import { parseFlags } from './flags';

const USAGE = `Usage: without import FILE --site URL --project KEY [options]

Imports an Open Threat Model (OTM 0.2.0) or AWS Threat Composer (.tc.json) file into a
project's threat model: new threats and mitigations are added, those imported before from the
same file (by their ids in it) are updated, nothing is added twice. The account must be a
project administrator (the app's page also lets the model editors the settings name import).
A file this app exported from the project updates the records by their ids; one changed in
Jira since that export is left as it is, with a warning. A file holds at most 2,000 threats
and 2,000 mitigations; a model at most 5,000 of each after the import.

${CONNECTION_USAGE}
  --format FORMAT     auto (default, from the content), otm or threat-composer
  --dry-run           only print what would be created, updated and left unchanged
  --json              print the result as JSON
  --quiet             no progress on stderr

Exit codes: 0 done, 2 usage, file (file:line:col: reason) or connection errors; a file that
cannot be read writes nothing.
`;

// Who else may edit the model is decided by project roles, whose members Jira shows only to
// project administrators; the command line acts as the person alone, so it needs one.
const FORBIDDEN = (site: string) =>
  `${site} refused (403): importing from the command line needs the account of a project administrator.`;

async function readSource(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : String(error)}`,
    );
  }
}

/** The file's content, read before anything reaches Jira: a broken file exits 2 having written nothing. */
function readModelFile(text: string, file: string, format: InterchangeFormat | 'auto'): InterchangeModel {
  try {
    return readInterchangeFile(text, file, format);
  } catch (error) {
    throw new UsageError((error instanceof KbImportError ? error : unforeseenImportError(file, error)).message);
  }
}

function summary({ preview, applied }: InterchangeImportResult, project: string): string {
  const verb = applied ? ['created', 'updated'] : ['to create', 'to update'];
  const line = (what: string, c: InterchangeImportResult['preview']['threats']) =>
    `${what}: ${c.create} ${verb[0]}, ${c.update} ${verb[1]}, ${c.unchanged} unchanged${c.conflict ? `, ${c.conflict} changed in Jira since the export (left as they are)` : ''}`;
  return [
    `${applied ? 'Imported into' : 'Dry run for'} ${project} (${preview.format}${preview.name ? `, "${printable(preview.name)}"` : ''})`,
    line('threats', preview.threats),
    line('mitigations', preview.mitigations),
    ...preview.items.map(
      // Titles come from the file and from Jira: printed to a terminal, they must not act on it.
      (i) =>
        `  ${i.action} ${i.id} ${i.previousTitle !== undefined ? `${printable(i.previousTitle)} -> ` : ''}${printable(i.title)}`,
    ),
    ...(preview.moreItems > 0 ? [`  …and ${preview.moreItems} more`] : []),
    ...preview.warnings.map((w) => `warning: ${printable(w)}`),
    '',
  ].join('\n');
}

export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, {
    values: [...CONNECTION_FLAGS, 'format'],
    switches: ['dry-run', 'json', 'quiet', 'help'],
  });
  if (flags.switches.has('help')) {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  const [file, ...extra] = flags.positional;
  if (!file || extra.length > 0) throw new UsageError(`give exactly one FILE to import.\n\n${USAGE}`);
  const format = flags.values.format ?? 'auto';
  if (format !== 'auto' && !(INTERCHANGE_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of auto, ${INTERCHANGE_FORMATS.join(', ')} (got "${format}").`);
  const { site, project, client } = connectionOf(flags, io, USAGE);
  const model = readModelFile(await readSource(file), file, format as InterchangeFormat | 'auto');
  let result: InterchangeImportResult;
  try {
    const jira = { user: client, app: client };
    const accountId = await currentAccountId(client);
    result = flags.switches.has('dry-run')
      ? await previewModelImport(jira, project, accountId, model)
      : await applyModelImport(jira, project, accountId, model);
  } catch (error) {
    const forbidden = error instanceof JiraApiError && error.kind === 'FORBIDDEN';
    io.stderr.write(`without import: ${forbidden ? FORBIDDEN(site) : connectionMessage(error, site)}\n`);
    return EXIT.usage;
  }
  io.stdout.write(flags.switches.has('json') ? `${JSON.stringify(result, null, 2)}\n` : summary(result, project));
  return EXIT.ok;
}
