import path from 'node:path';

const REPO = path.resolve(__dirname, '../..');

/** OWASP's flat exports in ../shared (CI has ../shared beside the clone). */
export const asvsSharedDir = (): string => path.resolve(REPO, '..', 'shared/standards/owasp-asvs');
export const ASVS_FILES = { 'asvs-5.0': 'asvs-5.0.0-en.flat.json', 'asvs-4.0.3': 'asvs-4.0.3-en.flat.json' } as const;
/** The trimmed copies the app ships. */
export const ASVS_SHIPPED = {
  'asvs-5.0': path.join(REPO, 'src/domain/compliance/asvs/asvs-5.0.0.json'),
  'asvs-4.0.3': path.join(REPO, 'src/domain/compliance/asvs/asvs-4.0.3.json'),
} as const;
