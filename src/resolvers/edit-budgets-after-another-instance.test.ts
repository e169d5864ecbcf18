import type { LocalSite } from '../../local/site/server';
import { resolverCaller } from '../../test/support/forge-invocation';
import { siteClient } from '../../test/support/jira-clients';
import { modelOfThreats } from '../../test/support/large-threat-model';
import { startTestSite } from '../../test/support/local-site';
import { callCostAtScale, okData } from '../../test/support/round-trips';
import { cardInTransit, renameEdit } from '../../test/support/threat-edits';
import type { StoryView } from '../contract';
import { resolver } from '../index';
import { PARTIAL_READ_MIN_SHARDS } from '../jira/threat-model/known-models';
import { changeThreatModel, readThreatModel } from '../jira/threat-model/threat-model-repository';

// The edits' round-trip budgets (request-budgets.test.ts, on the demo's small model) on a large
// model this instance knows, right after ANOTHER instance wrote it: the meta has moved, so the rest
// of the shards is read, beside the step's lock, which is created on the meta already read (the
// read's head, threat-model-repository.ts headOf). The budgets are the same: four round trips,
// measured at 200 ms a request as at any large size (callCostAtScale).

const PAY_1 = '10000';
const onIssue = { type: 'jira:issuePanel', issue: { id: PAY_1 }, project: { id: '10000', key: 'PAY' } };
const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };

describe('edits of a large model after another instance wrote it', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  // Another Forge instance: its own memory (another site key), the same Jira.
  const otherInstance = () => siteClient(site, undefined, 'another-instance');

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
    // The demo's model with 1,300 threats more (T-100 on), so its shards pass the partial read's bound.
    await changeThreatModel(siteClient(site), 'PAY', 'seed', (model) => {
      const extra = modelOfThreats(1300).threats.map((t, i) => ({ ...t, id: `T-${100 + i}` }));
      return {
        model: { ...model, threats: [...model.threats, ...extra], nextThreatNumber: 100 + extra.length },
        result: undefined,
      };
    });
    expect((await readThreatModel(siteClient(site), 'PAY')).shards.length).toBeGreaterThanOrEqual(
      PARTIAL_READ_MIN_SHARDS,
    );
  }, 120_000);
  afterAll(() => site.close());

  /** This instance sees the model as it is now (a view), then another instance writes it. */
  async function knownThenMovedElsewhere(): Promise<void> {
    okData(await call('bob', 'story/get', {}, onIssue));
    const { model } = await readThreatModel(otherInstance(), 'PAY');
    await changeThreatModel(otherInstance(), 'PAY', 'someone', (m) => {
      const t = model.threats.find((x) => x.id === 'T-6')!;
      return {
        model: { ...m, threats: m.threats.map((x) => (x.id === t.id ? { ...x, component: `${x.component} ` } : x)) },
        result: undefined,
      };
    });
  }

  it('threat-model/create-threat: four round trips', async () => {
    await knownThenMovedElsewhere();
    const measured = await callCostAtScale(
      site,
      call,
      'bob',
      'threat-model/create-threat',
      { draft: cardInTransit },
      onProject,
    );
    expect(measured.roundTrips).toBeLessThanOrEqual(4);
  });

  it('threat-model/update-threat: four round trips', async () => {
    await knownThenMovedElsewhere();
    // The edit a person makes from the threat as it stands (the other instance changed another one).
    const { model } = await readThreatModel(siteClient(site), 'PAY');
    const edit = renameEdit(model, 'T-3', 'Refund replay (renamed)');
    if (edit.kind !== 'update-threat') throw new Error('a rename is an update');
    const { id, baseRevision, draft } = edit;
    const measured = await callCostAtScale(
      site,
      call,
      'bob',
      'threat-model/update-threat',
      { id, baseRevision, draft },
      onProject,
    );
    expect(measured.roundTrips).toBeLessThanOrEqual(4);
  });

  it('knowledge-base/accept: four round trips', async () => {
    const before = okData<StoryView>(await call('bob', 'story/get', {}, onIssue));
    await knownThenMovedElsewhere();
    const measured = await callCostAtScale(
      site,
      call,
      'bob',
      'knowledge-base/accept',
      { knowledgeBaseId: 'web-and-api', templateId: 'WEB-I-01', baseRevision: before.revision },
      onIssue,
    );
    expect(measured.roundTrips).toBeLessThanOrEqual(4);
  });
});
