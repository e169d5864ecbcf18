// npm run chaos [-- --json] [--edits N] [--seed N]: the fault run (see parallel-edits.ts).
import { DEFAULT_FAULT_RUN, describeFigures, runFaultRun } from './parallel-edits';

function numberFlag(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value)) throw new Error(`${name} needs a number`);
  return value;
}

async function main(): Promise<void> {
  const figures = await runFaultRun({
    ...DEFAULT_FAULT_RUN,
    edits: numberFlag('--edits', DEFAULT_FAULT_RUN.edits),
    seed: numberFlag('--seed', DEFAULT_FAULT_RUN.seed),
  });
  process.stdout.write(
    process.argv.includes('--json') ? `${JSON.stringify(figures)}\n` : `${describeFigures(figures)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
