// Runs every jest project and ends with one plain line, "N passed, N failed, N skipped",
// which CI reads as the test count; the exit code is jest's own.
const { spawnSync } = require('node:child_process');
const { mkdirSync, readFileSync, rmSync } = require('node:fs');
const path = require('node:path');

const out = path.resolve(__dirname, '../../test-results/jest-results.json');
mkdirSync(path.dirname(out), { recursive: true });
rmSync(out, { force: true });
const jest = require.resolve('jest/bin/jest');
// --forceExit: a failing test that never reaches its close() (a local site, a browser) must fail
// the run, not hang CI until its time limit.
const run = spawnSync(
  process.execPath,
  [jest, '--ci', '--forceExit', '--json', `--outputFile=${out}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
let results;
try {
  results = JSON.parse(readFileSync(out, 'utf8'));
} catch {
  console.log('0 passed, 1 failed');
  process.exit(run.status || 1);
}
const skipped = results.numPendingTests + results.numTodoTests;
console.log(
  `tests: ${results.numPassedTests} passed, ${results.numFailedTests + results.numRuntimeErrorTestSuites} failed, ${skipped} skipped`,
);
// In CI everything a test needs is installed (.ci/run), so a skipped test hides a missing part.
if (process.env.CI && skipped > 0) {
  console.log(`CI: ${skipped} test(s) skipped; in CI a skip means something is missing, so the run fails.`);
  process.exit(1);
}
process.exit(run.status ?? 1);
