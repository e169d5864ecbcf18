import { readFile } from 'node:fs/promises';
import { IMPORT_FORMATS, type ImportFormat } from '../domain/knowledge-base/importers/detect-format';
import { KbImportError, unforeseenImportError } from '../domain/knowledge-base/importers/import-error';
import { type ImportedLibrary, importThreatLibrary } from '../domain/knowledge-base/importers/import-threat-library';
import { type CliIo, EXIT, UsageError } from './cli-io';
import { parseFlags } from './flags';

const USAGE = `Usage: without kb import FILE [options]

Converts a threat library into a knowledge base (JSON on stdout), keeping the source's ids.

Options:
  --format auto|pytm|tmt|threat-dragon|otm|threat-composer
                                         the file's format (default: auto, read from the content)
  --summary                              print only {"format","threats","mitigations","questions"}
  --id ID                                the knowledge base's id (lowercase letters, digits, dashes)
  --name NAME                            the knowledge base's name
  -h, --help                             this help

Formats: pytm (threats.json), tmt (Microsoft Threat Modeling Tool .tb7 template),
threat-dragon (OWASP Threat Dragon v2 model JSON), otm (Open Threat Model 0.2.0),
threat-composer (AWS Threat Composer export, .tc.json).
`;

interface KbImportArgs {
  file: string;
  format: ImportFormat | 'auto';
  summary: boolean;
  id?: string;
  name?: string;
}

const isFormat = (value: string): value is ImportFormat | 'auto' =>
  value === 'auto' || (IMPORT_FORMATS as readonly string[]).includes(value);

function parseKbImportArgs(args: string[]): KbImportArgs | 'help' {
  const flags = parseFlags(args, { values: ['format', 'id', 'name'], switches: ['summary', 'help'] });
  if (flags.switches.has('help') || flags.positional.includes('-h')) return 'help';
  const format = flags.values.format ?? 'auto';
  if (!isFormat(format))
    throw new UsageError(`--format must be one of auto, ${IMPORT_FORMATS.join(', ')} (got "${format}").`);
  const [file, ...extra] = flags.positional;
  if (!file || extra.length > 0) throw new UsageError(`give exactly one FILE to import.\n\n${USAGE}`);
  return { file, format, summary: flags.switches.has('summary'), id: flags.values.id, name: flags.values.name };
}

async function readSource(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : error instanceof Error
            ? error.message
            : String(error);
    throw new UsageError(`cannot read ${file}: ${reason}`);
  }
}

/**
 * A file that cannot be imported is the person's to fix (exit 2); the message says where and
 * why. One that breaks the importer in a way nobody foresaw is still about the file: exit 2 with
 * a sentence, never a stack trace and exit 1, which a pipeline reads as "findings".
 */
function importFile(text: string, options: KbImportArgs): ImportedLibrary {
  try {
    return importThreatLibrary(text, options.format, { file: options.file, id: options.id, name: options.name });
  } catch (error) {
    throw new UsageError((error instanceof KbImportError ? error : unforeseenImportError(options.file, error)).message);
  }
}

/** `without kb import FILE`: reads a threat library and prints it as a knowledge base. */
export async function kbImportCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseKbImportArgs(args);
  if (options === 'help') {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  const { format, knowledgeBase: kb } = importFile(await readSource(options.file), options);
  const output = options.summary
    ? { format, threats: kb.threats.length, mitigations: kb.mitigations.length, questions: kb.questions.length }
    : kb;
  io.stdout.write(`${JSON.stringify(output, null, options.summary ? undefined : 2)}\n`);
  return EXIT.ok;
}
