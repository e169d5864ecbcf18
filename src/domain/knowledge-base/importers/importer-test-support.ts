import fs from 'fs';
import path from 'path';
import { KbImportError } from './import-error';

/** The threat libraries in ../shared, beside the repository (CI has them). */
export const THREAT_LIBRARIES = path.resolve(__dirname, '../../../../..', 'shared/threat-libraries');

/** CI services set CI (GitHub Actions, GitLab, Jenkins through its plugins): there, ../shared is part of the setup. */
const inCi = (): boolean => /^(1|true|yes)$/i.test(process.env.CI ?? '');

/** A `describe` whose only test fails, saying which file is missing. */
const failingDescribe = (file: string): jest.Describe =>
  Object.assign((name: string | number | jest.FunctionLike) => {
    describe(String(name), () => {
      it('finds its threat library in ../shared', () => {
        throw new Error(`${file} is missing; CI must provide ../shared/threat-libraries beside the repository`);
      });
    });
  }, describe);

/**
 * A file of ../shared/threat-libraries and the `describe` for tests on it. Where ../shared is
 * absent, the tests are skipped with one line saying why on a person's machine, and fail in CI,
 * where a missing library would otherwise pass as "skipped" unnoticed.
 */
export function sharedFile(relative: string, what: string): { file: string; describeIfShared: jest.Describe } {
  const file = path.join(THREAT_LIBRARIES, relative);
  if (fs.existsSync(file)) return { file, describeIfShared: describe };
  if (inCi()) return { file, describeIfShared: failingDescribe(file) };
  console.log(`${what}: skipping the tests on the real file, ${file} is missing`);
  return { file, describeIfShared: describe.skip };
}

/** The message of the KbImportError `run` throws; fails the test when it throws nothing or something else. */
export function importFailure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(KbImportError);
    return (error as Error).message;
  }
  throw new Error('expected the import to fail');
}
