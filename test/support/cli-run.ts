import type { LocalSite } from '../../local/site/server';
import { main } from '../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `without <args>` in this process and keeps what it writes; `env` stands in for the environment. */
export async function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
  });
  return { code, stdout, stderr };
}

/** `--site --project --email --token` of an account on the local site: alice on PAY with the token it accepts. */
export function connectionFlags(
  site: LocalSite,
  { project = 'PAY', email = 'alice@example.com', token = 'local-token' } = {},
): string[] {
  return ['--site', site.url, '--project', project, '--email', email, '--token', token];
}
