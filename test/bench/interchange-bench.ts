import { deflateRawSync } from 'node:zlib';
import { FORGE_LIMITS } from '../../local/forge/limits';
import type { InterchangeExport, InterchangeImportResult } from '../../src/contract';
import { UPLOAD_CONTENT_MAX } from '../../src/contract';
import type { Envelope } from '../../src/domain/common/envelope';
import { uuidFrom } from '../../src/domain/interchange/interchange-ids';
import { resolver } from '../../src/index';
import { resolverCaller } from '../support/forge-invocation';
import { startTestSite } from '../support/local-site';
import { addSecondProject } from '../support/second-project';
import { random } from './bench-data';
import { round } from './bench-report';

// Importing a 1,000-threat file into an empty project's model through the resolvers the page
// uses (interchange/preview-import, then interchange/import, then the same file again), and
// exporting that model: Jira requests, time, and the sizes Forge limits (invoke payload 500 KB,
// answer 5 MB, resolver 25 s; local/forge/limits.ts).

export interface InterchangeBench {
  format: 'threat-composer' | 'otm';
  file: { threats: number; mitigations: number; textKb: number; payloadKb: number };
  preview: CallRun;
  firstImport: CallRun & { created: number };
  secondImport: CallRun & { created: number; updated: number };
  exportOtm: CallRun;
  exportThreatComposer: CallRun;
  /** The OTM export imported into another empty project. */
  otmImport: CallRun & { created: number; textKb: number; payloadKb: number };
  limits: { payloadKb: number; answerKb: number; resolverMs: number };
  withinLimits: boolean;
}

interface CallRun {
  requests: number;
  writes: number;
  ms: number;
  answerKb: number;
}

const ACTORS = ['An external threat actor', 'A malicious insider', 'An authenticated user', 'A compromised partner'];
const ACTIONS = [
  'read the card data of other customers',
  'replay a signed webhook',
  'exhaust the payment workers',
  'change the refund amount',
];
const IMPACTS = ['the loss of customer trust', 'fraudulent refunds', 'an outage of checkout', 'a breach of PCI DSS'];

/** A Threat Composer workspace of `threats` threats and as many mitigations, each linked to one or two threats. */
export function bigThreatComposerFile(threats: number, seed: number) {
  const rng = random(seed);
  const priority = ['High', 'Medium', 'Low'];
  const stride = ['S', 'T', 'R', 'I', 'D', 'E'];
  const threatList = Array.from({ length: threats }, (_, i) => {
    const statement = `${rng.pick(ACTORS)} with access to the ${rng.pick(['checkout', 'refund', 'webhook', 'admin'])} API number ${i + 1} can ${rng.pick(ACTIONS)}, which leads to ${rng.pick(IMPACTS)}, resulting in reduced confidentiality and integrity of payments`;
    return {
      id: uuidFrom(`bench-threat-${i}`),
      numericId: i + 1,
      displayOrder: i + 1,
      metadata: [
        { key: 'Priority', value: priority[i % 3]! },
        { key: 'STRIDE', value: [stride[i % 6]!] },
        { key: 'Comments', value: `Raised in the design review of component ${i % 40}.` },
      ],
      statement,
      status: 'threatIdentified',
    };
  });
  const mitigations = threatList.map((_, i) => ({
    id: uuidFrom(`bench-mitigation-${i}`),
    numericId: threats + i + 1,
    content: `Validate and rate-limit requests of API ${i + 1} at the gateway, and log every refusal`,
    status: 'mitigationIdentified',
  }));
  const mitigationLinks = mitigations.flatMap((m, i) => [
    { mitigationId: m.id, linkedId: threatList[i]!.id },
    ...(i + 1 < threats && i % 2 === 0 ? [{ mitigationId: m.id, linkedId: threatList[i + 1]!.id }] : []),
  ]);
  return { schema: 1, applicationInfo: { name: 'Bench workspace' }, mitigations, mitigationLinks, threats: threatList };
}

export async function benchInterchange(progress: (message: string) => void, threats = 1000): Promise<InterchangeBench> {
  const site = await startTestSite({ demo: true, dataFile: ':memory:' });
  try {
    const call = resolverCaller(site, resolver);
    const emptyProject = (key: string) => {
      const { project } = addSecondProject(site, key);
      for (const p of site.store.all('projectProperty').filter((p) => p.projectId === project.id))
        site.store.delete('projectProperty', `${project.id}/${p.key}`);
      return { type: 'jira:projectPage', project: { id: String(project.id), key } };
    };
    const onSec = emptyProject('SEC');
    const file = bigThreatComposerFile(threats, 20261202);
    const text = JSON.stringify(file, null, 2);
    const data = deflateRawSync(Buffer.from(text)).toString('base64');
    const payload = { fileName: 'bench.tc.json', format: 'auto', content: { encoding: 'deflate-base64', data } };
    const payloadKb = round(Buffer.byteLength(JSON.stringify(payload)) / 1024);
    progress(
      `interchange: a ${threats}-threat Threat Composer file, ${round(text.length / 1024)} KB, ${payloadKb} KB deflated`,
    );

    const run = async <T>(key: string, body: unknown, where = onSec): Promise<{ data: T; run: CallRun }> => {
      const mark = site.log.mark();
      const started = performance.now();
      const answer = (await call('alice', key, body, where)) as Envelope<T>;
      const ms = performance.now() - started;
      if (!answer.ok) throw new Error(`${key} failed: ${answer.error.message}`);
      const requests = site.log.since(mark);
      return {
        data: answer.data,
        run: {
          requests: requests.length,
          writes: requests.filter((r) => r.method === 'PUT' || r.method === 'DELETE').length,
          ms: round(ms),
          answerKb: round(Buffer.byteLength(JSON.stringify(answer)) / 1024),
        },
      };
    };
    // The page sends the preview's token with the import (refused if the model changed since).
    const withToken = (body: object, p: { data: InterchangeImportResult }) => ({
      ...body,
      token: p.data.preview.token,
    });
    const preview = await run<InterchangeImportResult>('interchange/preview-import', payload);
    const first = await run<InterchangeImportResult>('interchange/import', withToken(payload, preview));
    progress(
      `interchange: imported in ${first.run.ms} ms, ${first.run.requests} requests (${first.run.writes} writes)`,
    );
    const again = await run<InterchangeImportResult>('interchange/preview-import', payload);
    const second = await run<InterchangeImportResult>('interchange/import', withToken(payload, again));
    // An export comes in parts the browser joins (each answer under 1 MB): join them the same way,
    // counting every part's requests, and the slowest part's time and largest answer (Forge limits each call).
    const download = async (format: 'otm' | 'threat-composer') => {
      let part = await run<InterchangeExport>('interchange/export', { format });
      let text = part.data.text;
      const total = { ...part.run };
      while (part.data.next) {
        part = await run<InterchangeExport>('interchange/export', { format, from: part.data.next });
        text += part.data.text;
        total.requests += part.run.requests;
        total.writes += part.run.writes;
        total.ms = Math.max(total.ms, part.run.ms);
        total.answerKb = Math.max(total.answerKb, part.run.answerKb);
      }
      return { data: { ...part.data, text }, run: total };
    };
    const otm = await download('otm');
    const tc = await download('threat-composer');
    const otmData = deflateRawSync(Buffer.from(otm.data.text)).toString('base64');
    const otmPayload = {
      fileName: 'SEC.otm.json',
      format: 'auto',
      content: { encoding: 'deflate-base64', data: otmData },
    };
    const ext = emptyProject('EXT');
    const otmPreview = await run<InterchangeImportResult>('interchange/preview-import', otmPayload, ext);
    const otmImport = await run<InterchangeImportResult>('interchange/import', withToken(otmPayload, otmPreview), ext);
    progress(`interchange: the OTM export imported into another project in ${otmImport.run.ms} ms`);
    const limits = {
      payloadKb: FORGE_LIMITS.payloadBytes / 1024,
      answerKb: FORGE_LIMITS.responseBytes / 1024,
      resolverMs: FORGE_LIMITS.resolverMs,
    };
    const otmPayloadKb = round(Buffer.byteLength(JSON.stringify(otmPayload)) / 1024);
    const runs = [preview.run, first.run, second.run, otm.run, tc.run, otmImport.run];
    return {
      format: 'threat-composer',
      file: { threats, mitigations: file.mitigations.length, textKb: round(text.length / 1024), payloadKb },
      preview: preview.run,
      firstImport: { ...first.run, created: first.data.preview.threats.create + first.data.preview.mitigations.create },
      secondImport: {
        ...second.run,
        created: second.data.preview.threats.create + second.data.preview.mitigations.create,
        updated: second.data.preview.threats.update + second.data.preview.mitigations.update,
      },
      exportOtm: otm.run,
      exportThreatComposer: tc.run,
      otmImport: {
        ...otmImport.run,
        created: otmImport.data.preview.threats.create + otmImport.data.preview.mitigations.create,
        textKb: round(otm.data.text.length / 1024),
        payloadKb: otmPayloadKb,
      },
      limits,
      withinLimits:
        data.length <= UPLOAD_CONTENT_MAX &&
        otmData.length <= UPLOAD_CONTENT_MAX &&
        Math.max(payloadKb, otmPayloadKb) <= limits.payloadKb &&
        runs.every((r) => r.answerKb <= limits.answerKb && r.ms <= limits.resolverMs),
    };
  } finally {
    await site.close();
  }
}

const line = (name: string, r: CallRun) =>
  `  ${name.padEnd(28)} ${r.requests} requests (${r.writes} writes), ${r.ms} ms, answer ${r.answerKb} KB`;

export const interchangeLines = (b: InterchangeBench): string[] => [
  `Import of a ${b.file.threats}-threat, ${b.file.mitigations}-mitigation Threat Composer file into an empty project (${b.file.textKb} KB, sent deflated: ${b.file.payloadKb} KB of the ${b.limits.payloadKb} KB invoke payload), and the export of that model:`,
  line('preview', b.preview),
  `${line('import', b.firstImport)}, ${b.firstImport.created} records created`,
  `${line('same file again', b.secondImport)}, ${b.secondImport.created} created, ${b.secondImport.updated} updated`,
  line('export as OTM', b.exportOtm),
  line('export as Threat Composer', b.exportThreatComposer),
  `${line('that OTM into a new project', b.otmImport)}, ${b.otmImport.created} records created (${b.otmImport.textKb} KB, sent as ${b.otmImport.payloadKb} KB)`,
  `  within Forge's limits (payload ${b.limits.payloadKb} KB, answer ${b.limits.answerKb} KB, ${b.limits.resolverMs / 1000} s a call): ${b.withinLimits ? 'yes' : 'NO'}`,
];
