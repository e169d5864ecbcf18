import fs from 'node:fs';
import path from 'node:path';
import { ASVS_FILES, ASVS_SHIPPED, asvsSharedDir } from '../../../test/support/asvs-files';
import { appliesAt, asvsReference, AsvsReferences } from './asvs-catalogue';
import { asvsCatalogue } from './asvs-catalogues';
import { trimAsvs } from './asvs-trim';
import { KnowledgeBase } from '../knowledge-base/knowledge-base';
import { WEB_AND_API_KB } from '../knowledge-base/built-in/web-and-api';

// The app ships a trimmed copy of OWASP's ASVS files (it cannot read ../shared at run time).
// CI has ../shared beside the clone: there the copy must match OWASP's files exactly
// (`npx tsx test/support/asvs-regenerate.ts` makes it again); elsewhere these are skipped.
const shared = fs.existsSync(asvsSharedDir());
const inCi = /^(1|true|yes)$/i.test(process.env.CI ?? '');
const describeIfShared = shared || inCi ? describe : describe.skip;

describeIfShared('the shipped ASVS catalogues', () => {
  it.each(['asvs-5.0', 'asvs-4.0.3'] as const)('%s matches OWASP’s flat export in ../shared', (standard) => {
    const flat = JSON.parse(fs.readFileSync(path.join(asvsSharedDir(), ASVS_FILES[standard]), 'utf8'));
    const shipped = JSON.parse(fs.readFileSync(ASVS_SHIPPED[standard], 'utf8'));
    expect(shipped).toEqual(trimAsvs(standard, flat));
  });
});

describe('the ASVS catalogues', () => {
  it('hold 345 requirements of 5.0 and 286 of 4.0.3, with their levels', () => {
    const v5 = asvsCatalogue('asvs-5.0').requirements;
    const v4 = asvsCatalogue('asvs-4.0.3').requirements;
    expect(v5).toHaveLength(345);
    expect(v4).toHaveLength(286);
    // 5.0: a requirement applies from its level up (70 at L1, 183 more at L2, 92 more at L3).
    expect([1, 2, 3].map((l) => v5.filter((r) => appliesAt(r, l as 1 | 2 | 3)).length)).toEqual([70, 253, 345]);
    // 4.0.3: where its column is marked; the 8 deleted ones apply nowhere.
    expect(v4.filter((r) => r.levels.length === 0)).toHaveLength(8);
    expect(v4.find((r) => r.id === 'V1.1.3')).toMatchObject({ levels: [2, 3], cwe: ['CWE-1110'] });
    expect(v4.find((r) => r.id === 'V2.10.1')).toMatchObject({
      levels: [2, 3],
      levelNotes: { 2: 'OS assisted', 3: 'HSM' },
    });
  });

  it('write references in OWASP’s own form', () => {
    expect(asvsReference('asvs-5.0', 'V6.3.1')).toBe('v5.0.0-6.3.1');
    expect(asvsReference('asvs-4.0.3', 'V1.1.3')).toBe('v4.0.3-1.1.3');
    expect(AsvsReferences.safeParse(['V6.3.1']).success).toBe(false);
    expect(AsvsReferences.safeParse(['v5.0.0-6.3.1', 'v5.0.0-6.3.1']).success).toBe(false);
  });

  it('name only real requirements from the built-in knowledge base, and map every mitigation but three to 5.0', () => {
    const kb = KnowledgeBase.parse(WEB_AND_API_KB);
    const known = new Set([
      ...asvsCatalogue('asvs-5.0').requirements.map((r) => asvsReference('asvs-5.0', r.id)),
      ...asvsCatalogue('asvs-4.0.3')
        .requirements.filter((r) => r.levels.length > 0)
        .map((r) => asvsReference('asvs-4.0.3', r.id)),
    ]);
    const named = kb.mitigations.flatMap((m) => (m.asvs ?? []).map((ref) => ({ id: m.id, ref })));
    expect(named.filter((n) => !known.has(n.ref))).toEqual([]);
    // By hand: evidence records (M-26), the consent ledger (M-30) and access-volume monitoring
    // (M-58) have no ASVS 5.0 requirement; every other mitigation names at least one.
    expect(kb.mitigations.filter((m) => !(m.asvs ?? []).some((r) => r.startsWith('v5.0.0-'))).map((m) => m.id)).toEqual(
      ['WEB-M-26', 'WEB-M-30', 'WEB-M-58'],
    );
  });
});
