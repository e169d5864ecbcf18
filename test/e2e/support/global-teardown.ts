import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { BrowserServer } from 'playwright-core';
import { ENDPOINTS_VARIABLE } from './chromium';
import { SERVERS, stopWatchingSignals } from './global-setup';

/**
 * Closes the browsers of the global setup; one that does not close is killed. Then waits until
 * Chromium's helper processes are gone too, so that no Chromium outlives the jest run.
 */
export default async function globalTeardown(): Promise<void> {
  const globals = globalThis as Record<symbol, unknown>;
  const servers = (globals[SERVERS] ?? []) as BrowserServer[];
  delete globals[SERVERS];
  stopWatchingSignals();
  delete process.env[ENDPOINTS_VARIABLE];
  const helpers = servers.flatMap((server) => descendants(server.process().pid));
  await Promise.all(
    servers.map((server) =>
      Promise.race([server.close(), new Promise((_, reject) => setTimeout(reject, 10_000).unref())]).catch(() =>
        server.kill(),
      ),
    ),
  );
  await waitUntilGone(helpers, 5_000);
}

interface Proc {
  pid: number;
  /** When it started, in clock ticks since boot: with the pid, names the process even if the pid is reused. */
  started: string;
}

/** `pid`'s parent, state and start time from /proc/<pid>/stat; undefined once it is reaped. */
function stat(pid: number): { parent: number; state: string; started: string } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (name) state ppid …": the name may hold spaces and parentheses, the last ")" ends it.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, parent: Number(fields[1]), started: fields[19]! };
  } catch {
    return undefined;
  }
}

/** The processes below `pid`, read from /proc where there is one (Linux, as in CI). */
function descendants(pid: number | undefined): Proc[] {
  if (pid === undefined || !existsSync('/proc')) return [];
  const children = new Map<number, Proc[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const info = stat(Number(entry));
    if (info)
      children.set(info.parent, [...(children.get(info.parent) ?? []), { pid: Number(entry), started: info.started }]);
  }
  const found: Proc[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

/** Chromium's helpers exit with the browser and are reaped a moment later; any still running are killed. */
async function waitUntilGone(procs: Proc[], timeoutMs: number): Promise<void> {
  const alive = () => procs.filter((proc) => stat(proc.pid)?.started === proc.started);
  const deadline = Date.now() + timeoutMs;
  while (alive().length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  for (const proc of alive()) {
    if (stat(proc.pid)?.state === 'Z') continue;
    try {
      process.kill(proc.pid, 'SIGKILL');
    } catch {
      // Gone meanwhile.
    }
  }
}
