import { readFile } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export const contentType = (file: string): string =>
  TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** A file under `root`, or undefined when it is missing or the path tries to leave `root`. */
export async function readUnder(root: string, relative: string): Promise<Buffer | undefined> {
  const resolved = path.resolve(root, `.${path.posix.normalize(`/${relative}`)}`);
  if (!resolved.startsWith(path.resolve(root) + path.sep)) return undefined;
  try {
    return await readFile(resolved);
  } catch {
    return undefined;
  }
}

/** The resource's index.html with the bridge shim loaded first, as Forge injects its own. */
export const injectBridge = (html: string, frameId: string): string =>
  html.replace(
    /<head([^>]*)>/i,
    (head) =>
      `${head}<script src="/forge/bridge-shim.js" data-frame-id="${frameId.replace(/[^a-zA-Z0-9_-]/g, '')}"></script>`,
  );
