// The fault run: many people edit different threats of one project at the same moment while
// Jira answers a share of requests with 429 (Retry-After) or 500. Every edit is then checked
// against what is stored, so the figures say what a person would experience:
//   acknowledged  the app answered ok
//   stored        the threat holds the edit's values afterwards
//   lost          acknowledged but not stored (must be 0)
//   falseFailures stored although the app answered an error (must be 0)
//   duplicated    stored as more than one revision (a retry applied twice; must be 0)
import type { Envelope } from '../../src/domain/common/envelope';
import type { ThreatModelView } from '../../src/contract';
import type { ThreatView } from '../../src/domain/threat-model/threat-view';
import { resolver } from '../../src/index';
import { resolverCaller } from '../support/forge-invocation';
import { siteClient } from '../support/jira-clients';
import { startTestSite } from '../support/local-site';
import { readThreatModel } from '../../src/jira/threat-model/threat-model-repository';

export interface FaultRunOptions {
  edits: number;
  rate429: number;
  rate500: number;
  retryAfterSeconds: number;
  seed: number;
}

export interface FaultRunFigures extends FaultRunOptions {
  tried: number;
  acknowledged: number;
  stored: number;
  lost: number;
  falseFailures: number;
  duplicated: number;
  /** Error codes of the edits that failed, with counts. */
  failures: Record<string, number>;
  lockLeft: boolean;
}

export const DEFAULT_FAULT_RUN: FaultRunOptions = {
  edits: 20,
  rate429: 0.3,
  rate500: 0.1,
  retryAfterSeconds: 1,
  seed: 20261202,
};

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };

/** Adds threats T-13.. so that `count` different threats exist to edit, without faults. */
async function seedThreats(call: ReturnType<typeof resolverCaller>, count: number): Promise<ThreatView[]> {
  const created: ThreatView[] = [];
  for (let i = 0; i < count; i++) {
    const draft = {
      title: `Chaos threat ${i + 1}`,
      description: 'Edited in parallel under faults.',
      stride: ['T'],
      probability: 2,
      impact: 2,
      component: 'Payment API',
    };
    const answer = (await call('alice', 'threat-model/create-threat', { draft }, onProject)) as Envelope<ThreatView>;
    if (!answer.ok) throw new Error(`seeding failed: ${answer.error.message}`);
    created.push(answer.data);
  }
  return created;
}

export async function runFaultRun(options: FaultRunOptions = DEFAULT_FAULT_RUN): Promise<FaultRunFigures> {
  const site = await startTestSite({ demo: true });
  try {
    const call = resolverCaller(site, resolver);
    const threats = await seedThreats(call, options.edits);
    site.faults.configure({
      rate429: options.rate429,
      rate500: options.rate500,
      retryAfterSeconds: options.retryAfterSeconds,
      seed: options.seed,
    });
    const editOf = (t: ThreatView, i: number) => ({
      title: `${t.title} (edited by person ${i + 1})`,
      description: t.description,
      stride: t.stride,
      probability: 4,
      impact: 3,
      component: t.component,
    });
    const answers = await Promise.all(
      threats.map(
        (t, i) =>
          call(
            i % 2 === 0 ? 'alice' : 'bob',
            'threat-model/update-threat',
            { id: t.id, baseRevision: t.revision, draft: editOf(t, i) },
            onProject,
          ) as Promise<Envelope<ThreatView>>,
      ),
    );
    site.faults.configure({ rate429: 0, rate500: 0 });
    const model = (await readThreatModel(siteClient(site), 'PAY')).model;
    const figures = {
      tried: threats.length,
      acknowledged: 0,
      stored: 0,
      lost: 0,
      falseFailures: 0,
      duplicated: 0,
      failures: {} as Record<string, number>,
    };
    threats.forEach((t, i) => {
      const answer = answers[i]!;
      const now = model.threats.find((s) => s.id === t.id);
      const stored = now?.title === editOf(t, i).title;
      if (answer.ok) figures.acknowledged++;
      else figures.failures[answer.error.code] = (figures.failures[answer.error.code] ?? 0) + 1;
      if (stored) figures.stored++;
      if (answer.ok && !stored) figures.lost++;
      if (!answer.ok && stored) figures.falseFailures++;
      if (stored && now.revision > t.revision + 1) figures.duplicated++;
    });
    // Locks of steps made stay until collected (model-locks.ts); one for the revision the model is
    // at now would be held, or left by a writer that gave out, and would hold up the next edit.
    const properties = site.store.all('projectProperty');
    const revision = (properties.find((p) => p.key === 'without.model')?.value as { revision?: number })?.revision;
    const lockLeft = properties.some(
      (p) => p.key === 'without.model.lock' || p.key === `without.model.lock.${revision}`,
    );
    // Reading the threat model tab must still work afterwards.
    const view = (await call('carol', 'threat-model/get', {}, onProject)) as Envelope<ThreatModelView>;
    if (!view.ok) throw new Error(`the threat model could not be read after the run: ${view.error.message}`);
    return { ...options, ...figures, lockLeft };
  } finally {
    await site.close();
  }
}

export function describeFigures(f: FaultRunFigures): string {
  const failures =
    Object.entries(f.failures)
      .map(([code, n]) => `${code} ${n}`)
      .join(', ') || 'none';
  return [
    `fault run: ${f.edits} parallel edits of different threats, ${Math.round(f.rate429 * 100)}% 429 (Retry-After ${f.retryAfterSeconds} s) + ${Math.round(f.rate500 * 100)}% 500, seed ${f.seed}`,
    `  tried ${f.tried}, acknowledged ${f.acknowledged}, stored ${f.stored}, lost ${f.lost}, stored while told failed ${f.falseFailures}, duplicated ${f.duplicated}`,
    `  failures: ${failures}; lock left behind: ${f.lockLeft ? 'yes' : 'no'}`,
  ].join('\n');
}
