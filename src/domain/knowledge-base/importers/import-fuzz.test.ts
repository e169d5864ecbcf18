import fs from 'fs';
import { KbImportError } from './import-error';
import { sharedFile } from './importer-test-support';
import { JSON_MUTATIONS, type Mutation, OWN_FORMAT_MUTATIONS, XML_MUTATIONS, seededRandom } from './library-mutations';
import { importPytm } from './pytm';
import { readKnowledgeBaseFile } from './read-knowledge-base-file';

// Damaged and hostile versions of the real libraries, generated from fixed seeds: every one is
// either imported or refused with a KbImportError that says where and why, never a crash of
// another kind (a TypeError, a stack overflow, the XML parser's own error).

const MESSAGE = /^[^:\n]+(:\d+:\d+)?: .+/s;
const POSITIONED = /^[^:\n]+:\d+:\d+: .+/s;
const MAX_MESSAGE = 2_000;

interface Library {
  relative: string;
  file: string;
  /** The text to mutate, from the library's own text: the library itself, or what it becomes. */
  source: (text: string) => string;
  mutations: Mutation[];
  /** Cases per mutation: the TMT template takes ten times longer to read than the others. */
  rounds: number;
}

const asIs = (text: string) => text;
/** The app's own format, as `without kb import` writes it from pytm's library: it has rules to nest. */
const asOwnFormat = (text: string) => JSON.stringify(importPytm(text, { file: 'threats.json' }), null, 2);

const LIBRARIES: Library[] = [
  { relative: 'pytm/threats.json', file: 'threats.json', source: asIs, mutations: JSON_MUTATIONS, rounds: 8 },
  { relative: 'microsoft-tmt/default.tb7', file: 'default.tb7', source: asIs, mutations: XML_MUTATIONS, rounds: 5 },
  {
    relative: 'threat-dragon/v2-threat-model.json',
    file: 'v2-threat-model.json',
    source: asIs,
    mutations: JSON_MUTATIONS,
    rounds: 10,
  },
  {
    relative: 'open-threat-model/EXAMPLE.json',
    file: 'EXAMPLE.json',
    source: asIs,
    mutations: JSON_MUTATIONS,
    rounds: 8,
  },
  {
    relative: 'threat-composer/ThreatComposer.tc.json',
    file: 'ThreatComposer.tc.json',
    source: asIs,
    mutations: JSON_MUTATIONS,
    rounds: 3,
  },
  {
    relative: 'pytm/threats.json',
    file: 'pytm-kb.json',
    source: asOwnFormat,
    mutations: OWN_FORMAT_MUTATIONS,
    rounds: 5,
  },
];

type Outcome = { imported: true } | { imported: false; error: unknown };

function outcomeOf(text: string, file: string): Outcome {
  try {
    readKnowledgeBaseFile(text, 'auto', file);
    return { imported: true };
  } catch (error) {
    return { imported: false, error };
  }
}

/** What went wrong, for the failure message: the error's class and text, cut short. */
const describeError = (error: unknown): string =>
  (error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error)).slice(0, 300);

for (const library of LIBRARIES) {
  const { file: path, describeIfShared } = sharedFile(library.relative, 'import fuzzer');

  describeIfShared(`importing mutated copies of ${library.file} (from ${library.relative})`, () => {
    // Read when a test runs: a skipped describe still runs its body, and the file may be missing.
    let text: string | undefined;
    const original = (): string => (text ??= library.source(fs.readFileSync(path, 'utf8')));
    const cases = library.mutations.flatMap((mutation, m) =>
      Array.from({ length: library.rounds }, (_, round) => ({ mutation, seed: 1_000 * (m + 1) + round })),
    );

    it('imports the original', () => {
      expect(outcomeOf(original(), library.file)).toEqual({ imported: true });
    });

    it.each(cases.map((c) => [c.mutation.name, c.seed, c.mutation] as const))(
      '%s (seed %i): imported, or refused with a KbImportError',
      (_name, seed, mutation) => {
        const outcome = outcomeOf(mutation.apply(original(), seededRandom(seed)), library.file);
        if (outcome.imported) {
          expect(mutation.refused).toBe(false);
          return;
        }
        const { error } = outcome;
        if (!(error instanceof KbImportError)) throw new Error(`expected a KbImportError, got ${describeError(error)}`);
        expect(error.message).toMatch(mutation.refused ? POSITIONED : MESSAGE);
        // A refusal quotes the file at times; a hostile file's huge value must not make a huge message.
        expect(error.message.length).toBeLessThanOrEqual(MAX_MESSAGE);
      },
    );
  });
}
