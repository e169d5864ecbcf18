import { EXIT, type CliIo, UsageError } from './cli-io';

const USAGE = `Usage: without <command> [options]

Commands:
  audit      Audit a project's threat model against its backlog
  kb import  Convert a threat library (pytm, Microsoft TMT, Threat Dragon, OTM, Threat Composer) into a knowledge base
  export     Print a project's threat model as Open Threat Model or Threat Composer JSON
  import     Import an Open Threat Model or Threat Composer file into a project's threat model
  monitoring export  Print a project's monitoring specification (its detection events) as JSON or Markdown
  verify     Map a SARIF file's results to threats and mitigations; exit 1 when an implemented one failed
  compliance Print a project's OWASP ASVS coverage (JSON or CSV)
  report     Print a project's threat-model report (Markdown or HTML)

Run "without <command> --help" for the options of a command.
`;

type Command = (args: string[], io: CliIo) => Promise<number>;

// Commands are loaded on demand so `without kb import` never loads the Jira client and back.
const COMMANDS: Record<string, () => Promise<Command>> = {
  audit: async () => (await import('./audit-command')).auditCommand,
  compliance: async () => (await import('./compliance-command')).complianceCommand,
  report: async () => (await import('./report-command')).reportCommand,
  'kb import': async () => (await import('./kb-import-command')).kbImportCommand,
  export: async () => (await import('./export-command')).exportCommand,
  import: async () => (await import('./import-command')).importCommand,
  'monitoring export': async () => (await import('./monitoring-export-command')).monitoringExportCommand,
  verify: async () => (await import('./verify-command')).verifyCommand,
};

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [first, second, ...rest] = argv;
  if (!first || first === '--help' || first === '-h') {
    io.stdout.write(USAGE);
    return first ? EXIT.ok : EXIT.usage;
  }
  const twoWords = second ? `${first} ${second}` : '';
  const name = COMMANDS[twoWords] ? twoWords : first;
  const load = COMMANDS[name];
  if (!load) {
    io.stderr.write(`without: unknown command "${first}".\n\n${USAGE}`);
    return EXIT.usage;
  }
  const args = name === twoWords ? rest : argv.slice(1);
  try {
    const command = await load();
    return await command(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`without ${name}: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
