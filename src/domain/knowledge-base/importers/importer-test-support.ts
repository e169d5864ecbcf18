import fs from 'fs';
import path from 'path';
import { KbImportError } from './import-error';

/** The threat libraries in ../shared, beside the repository (CI has them). */
export const THREAT_LIBRARIES = path.resolve(__dirname, '../../../../..', 'shared/threat-libraries');

/**
 * A file of ../shared/threat-libraries and the `describe` for tests on it: skipped, with one
 * line saying why, where ../shared is absent.
 */
export function sharedFile(relative: string, what: string): { file: string; describeIfShared: jest.Describe } {
  const file = path.join(THREAT_LIBRARIES, relative);
  const present = fs.existsSync(file);
  if (!present) console.log(`${what}: skipping the tests on the real file, ${file} is missing`);
  return { file, describeIfShared: present ? describe : describe.skip };
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
