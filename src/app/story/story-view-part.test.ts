import type { LocalSite } from '../../../local/site/server';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { siteClient } from '../../../test/support/jira-clients';
import { startTestSite } from '../../../test/support/local-site';
import type { StoryView } from '../../contract';
import type { Envelope } from '../../domain/common/envelope';
import { asMitigations, threatRisk } from '../../domain/threat-model/threat-risk';
import { resolver } from '../../index';
import { readThreatModel } from '../../jira/threat-model/threat-model-repository';
import { plannedLiveModel, recordedTasksWithSprints } from '../threat-model/planned-live-model';

// The story view builds the live view of the part of the model it shows (story-view.ts,
// shownPart), not of the whole model. What it shows must be what the whole model's live view
// says: every story and every task of the demo, its threats' risk and its mitigations.

describe('the story view, built from the part of the model it shows', () => {
  let site: LocalSite;
  beforeAll(async () => {
    site = await startTestSite({ demo: true });
  });
  afterAll(() => site.close());

  it('shows the same risk and mitigations as the whole model’s live view, for every story and task of the demo', async () => {
    const call = resolverCaller(site, resolver);
    const app = siteClient(site);
    const { model } = await readThreatModel(app, 'PAY');
    const whole = plannedLiveModel(await recordedTasksWithSprints(app, 'PAY', model.mitigations), model);
    const mitigations = asMitigations(whole.mitigations);
    const issues = site.store
      .all('issue')
      .filter((i) => site.store.get('project', i.projectId)?.key === 'PAY' && i.issueTypeId !== '10000');
    let threatsChecked = 0;
    let tasksChecked = 0;
    for (const issue of issues) {
      const extension = {
        type: 'jira:issuePanel',
        issue: { id: String(issue.id) },
        project: { id: '10000', key: 'PAY' },
      };
      const answer = (await call('bob', 'story/get', {}, extension)) as Envelope<StoryView>;
      if (!answer.ok) throw new Error(`${issue.key}: ${answer.error.message}`);
      const view = answer.data;
      for (const [id, risk] of Object.entries(view.risk)) {
        expect(risk).toEqual(
          threatRisk(
            model.threats.find((t) => t.id === id)!,
            mitigations,
            model.settings.risk,
          ),
        );
        threatsChecked++;
      }
      const linked = Object.keys(view.threats);
      expect(view.mitigations).toEqual(
        whole.mitigations.filter((m) => m.addresses.some((a) => linked.includes(a.threatId))),
      );
      if (view.task) {
        tasksChecked++;
        expect(view.task.mitigation).toEqual(whole.mitigations.find((m) => m.id === view.task!.mitigation.id));
        for (const threat of view.task.threats)
          expect(threat.risk).toEqual(
            threatRisk(
              model.threats.find((t) => t.id === threat.id)!,
              mitigations,
              model.settings.risk,
            ),
          );
      }
    }
    // The demo has stories linking threats with several mitigations, and recorded tasks.
    expect(threatsChecked).toBeGreaterThan(5);
    expect(tasksChecked).toBeGreaterThan(0);
  });
});
