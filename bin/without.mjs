#!/usr/bin/env node
/* global process */
// `npx without ...`: runs the TypeScript command line in src/cli through tsx, so the CLI uses
// the very jira/ and domain/ modules the app ships, with no separate build. Loaded through
// require (tsx's CJS and ESM hooks both on): tsImport cannot follow the commands' lazy imports.
import { createRequire } from 'node:module';
import { register as registerCjs } from 'tsx/cjs/api';
import { register as registerEsm } from 'tsx/esm/api';

registerCjs();
registerEsm();
const { main } = createRequire(import.meta.url)('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
