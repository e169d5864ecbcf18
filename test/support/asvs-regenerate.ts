// Regenerates the shipped ASVS catalogues from OWASP's flat JSON in ../shared/standards/owasp-asvs:
//   npx tsx test/support/asvs-regenerate.ts [path to owasp-asvs]
// The app cannot read ../shared at run time, so it ships the trimmed copy; the test
// src/domain/compliance/asvs-catalogue.test.ts fails when the copy and OWASP's files differ.
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'prettier';
import { trimAsvs } from '../../src/domain/compliance/asvs-trim';
import { ASVS_FILES, ASVS_SHIPPED, asvsSharedDir } from './asvs-files';

async function regenerate(dir: string): Promise<void> {
  for (const standard of ['asvs-5.0', 'asvs-4.0.3'] as const) {
    const flat = JSON.parse(fs.readFileSync(path.join(dir, ASVS_FILES[standard]), 'utf8'));
    const catalogue = trimAsvs(standard, flat);
    // Formatted as the repository's prettier check expects.
    const text = await format(JSON.stringify(catalogue), { parser: 'json', printWidth: 120 });
    fs.writeFileSync(ASVS_SHIPPED[standard], text);
    console.log(`${ASVS_SHIPPED[standard]}: ${catalogue.requirements.length} requirements`);
  }
}

void regenerate(process.argv[2] ?? asvsSharedDir());
