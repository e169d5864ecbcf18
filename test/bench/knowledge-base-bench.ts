import { deflateRawSync } from 'node:zlib';
import type { Envelope } from '../../src/domain/common/envelope';
import { KB_FORMAT, type KnowledgeBaseInput } from '../../src/domain/knowledge-base/knowledge-base';
import type { KbSuggestionsView, KbUploadResult } from '../../src/contract';
import { resolver } from '../../src/index';
import { resolverCaller } from '../support/forge-invocation';
import { startTestSite } from '../support/local-site';
import { random } from './bench-data';
import { round } from './bench-report';

// "Suggest threats" on a story (knowledge-base/suggest), with the built-in knowledge base alone and with a
// large uploaded one beside it: requests (what reading uploads costs), time, answer size, memory.

export interface KnowledgeBaseBench {
  uploaded: { threats: number; mitigations: number; parts: number; compressedKb: number };
  builtInOnly: SuggestRun;
  withUpload: SuggestRun;
  /** The story and the model (the field list is cached after the first call); +2 with uploads: the library, then every part in one GET. */
  budget: { builtInOnly: number; withUpload: number };
}

interface SuggestRun {
  requests: number;
  suggestions: number;
  medianMs: number;
  firstMs: number;
  answerKb: number;
}

const WORDS = [
  'card',
  'payment',
  'refund',
  'login',
  'password',
  'session',
  'token',
  'webhook',
  'report',
  'export',
  'order',
  'account',
  'admin',
  'upload',
  'search',
];

/** A knowledge base of `threats` templates, each matching a few words, with two mitigations each. */
function bigKnowledgeBase(threats: number, seed: number): KnowledgeBaseInput {
  const rng = random(seed);
  const pick = () => rng.pick(WORDS);
  const templates = Array.from({ length: threats }, (_, i) => ({
    id: `BIG-${i + 1}`,
    title: `Threat ${i + 1} against the ${pick()} flow`,
    description:
      `An attacker abuses the ${pick()} and ${pick()} handling to reach data or actions they should not. `.repeat(3),
    stride: [(['S', 'T', 'R', 'I', 'D', 'E'] as const)[i % 6]!],
    probability: 1 + (i % 5),
    impact: 1 + ((i * 7) % 5),
    top: i % 10 === 0,
    appliesWhen: { words: [pick(), pick()] },
    detectionEvents: [
      {
        id: `BIG-${i + 1}-D1`,
        title: `Attempts on the ${pick()} flow`,
        signal: `Count failed ${pick()} requests per client; alert above 20 a minute.`,
      },
    ],
  }));
  const mitigations = templates.flatMap((t, i) => [
    {
      id: `BIG-M-${2 * i + 1}`,
      title: `Validate ${pick()} input for ${t.id}`,
      implementation: 'Reject what the schema does not allow.',
      addresses: [{ threatId: t.id, strength: 50 as const }],
    },
    {
      id: `BIG-M-${2 * i + 2}`,
      title: `Rate-limit the ${pick()} endpoint for ${t.id}`,
      implementation: 'Per client and per account.',
      addresses: [{ threatId: t.id, strength: 25 as const }],
    },
  ]);
  return {
    format: KB_FORMAT,
    id: 'bench-big',
    name: 'Bench knowledge base',
    version: '1',
    source: { format: 'without' },
    threats: templates,
    mitigations,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchKnowledgeBases(
  progress: (message: string) => void,
  gc: () => void,
  runs: number,
  threats = 2000,
): Promise<KnowledgeBaseBench> {
  const site = await startTestSite({ demo: true, dataFile: ':memory:' });
  try {
    const call = resolverCaller(site, resolver);
    const onIssue = { type: 'jira:issuePanel', issue: { id: '10000' }, project: { id: '10000', key: 'PAY' } };
    const suggest = async (): Promise<SuggestRun> => {
      const times: number[] = [];
      let requests = 0;
      let view: KbSuggestionsView | undefined;
      let size = 0;
      for (let i = 0; i < runs; i++) {
        gc();
        const mark = site.log.mark();
        const started = performance.now();
        const answer = (await call(
          'bob',
          'knowledge-base/suggest',
          { mode: 'full' },
          onIssue,
        )) as Envelope<KbSuggestionsView>;
        times.push(performance.now() - started);
        if (!answer.ok) throw new Error(`knowledge-base/suggest failed: ${answer.error.message}`);
        requests = site.log.since(mark).length;
        view = answer.data;
        size = JSON.stringify(answer).length;
      }
      return {
        requests,
        suggestions: view!.suggestions.length,
        medianMs: round(median(times)),
        firstMs: round(times[0]!),
        answerKb: round(size / 1024),
      };
    };

    progress('knowledge bases: suggest with the built-in one');
    const builtInOnly = await suggest();
    const kb = bigKnowledgeBase(threats, 20261123);
    const data = deflateRawSync(Buffer.from(JSON.stringify(kb))).toString('base64');
    progress(`knowledge bases: uploading ${threats} threats (${round(data.length / 1024)} KB compressed)`);
    const upload = (await call(
      'alice',
      'knowledge-base/upload',
      { fileName: 'bench.json', format: 'without', content: { encoding: 'deflate-base64', data }, activate: true },
      { type: 'jira:projectSettingsPage', project: { id: '10000', key: 'PAY' } },
    )) as Envelope<KbUploadResult>;
    if (!upload.ok) throw new Error(`knowledge-base/upload failed: ${upload.error.message}`);
    const withUpload = await suggest();
    progress(
      `knowledge bases: ${withUpload.suggestions} suggestions in ${withUpload.medianMs} ms, ${withUpload.requests} requests`,
    );
    const parts = site.store.all('projectProperty').filter((p) => p.key.startsWith('without.kb.bench-big.')).length;
    return {
      uploaded: { threats, mitigations: kb.mitigations.length, parts, compressedKb: round(data.length / 1024) },
      builtInOnly,
      withUpload,
      budget: { builtInOnly: 2, withUpload: 4 },
    };
  } finally {
    await site.close();
  }
}

export const knowledgeBaseLines = (k: KnowledgeBaseBench): string[] => [
  `Suggest threats (knowledge-base/suggest, full list, on PAY-1), median of the runs; the first run of an upload also parses it:`,
  `  built-in only:           ${k.builtInOnly.requests} requests (budget ${k.budget.builtInOnly}), ${k.builtInOnly.suggestions} suggestions, ${k.builtInOnly.medianMs} ms (first ${k.builtInOnly.firstMs} ms), answer ${k.builtInOnly.answerKb} KB`,
  `  + upload of ${k.uploaded.threats} threats / ${k.uploaded.mitigations} mitigations (${k.uploaded.compressedKb} KB compressed, ${k.uploaded.parts} parts): ${k.withUpload.requests} requests (budget ${k.budget.withUpload}), ${k.withUpload.suggestions} suggestions, ${k.withUpload.medianMs} ms (first ${k.withUpload.firstMs} ms), answer ${k.withUpload.answerKb} KB`,
];
