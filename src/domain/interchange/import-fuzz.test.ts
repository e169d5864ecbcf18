import fs from 'fs';
import { KbImportError } from '../knowledge-base/importers/import-error';
import { JSON_MUTATIONS, seededRandom } from '../knowledge-base/importers/library-mutations';
import { ACTOR, OTM_EXAMPLE, TC_EXAMPLE, emptyModel } from './interchange-test-support';
import { mergeImport } from './merge-import';
import { readInterchangeFile } from './read-interchange-file';
import { Mitigation } from '../mitigation/mitigation';
import { Threat } from '../threat-model/threat';

// Damaged and hostile copies of the shared examples, imported into a model: each one is merged
// into records the model's own schemas accept, or refused with `file:line:col` (or `file:`) and
// a reason, never another kind of error.

for (const example of [OTM_EXAMPLE, TC_EXAMPLE]) {
  example.describeIfShared(`importing mutated copies of ${example.file.split('/').pop()} into a model`, () => {
    const cases = JSON_MUTATIONS.flatMap((mutation, m) =>
      Array.from({ length: 3 }, (_, round) => [mutation.name, 1_000 * (m + 1) + round, mutation] as const),
    );
    it.each(cases)('%s (seed %i)', (_name, seed, mutation) => {
      const text = mutation.apply(fs.readFileSync(example.file, 'utf8'), seededRandom(seed));
      try {
        const { model } = mergeImport(emptyModel(), readInterchangeFile(text, 'mutated.json'), ACTOR);
        for (const threat of model.threats) expect(Threat.safeParse(threat).error).toBeUndefined();
        for (const mitigation of model.mitigations) expect(Mitigation.safeParse(mitigation).error).toBeUndefined();
        expect(mutation.refused).toBe(false);
      } catch (error) {
        expect(error).toBeInstanceOf(KbImportError);
        expect((error as Error).message).toMatch(
          mutation.refused ? /^mutated\.json:\d+:\d+: .+/s : /^mutated\.json(:\d+:\d+)?: .+/s,
        );
      }
    });
  });
}
