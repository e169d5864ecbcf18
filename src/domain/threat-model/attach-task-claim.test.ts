import { MitigationDraft } from '../mitigation/mitigation';
import { addMitigation, addThreat, attachTask, claimTask, emptyThreatModel, findMitigation } from './threat-model';

// Creating a mitigation's task records a claim, creates the issue, then records the task. The
// recording step names its claim: a task created under a claim that is no longer the
// mitigation's (another session claimed since), or for a mitigation that has a task by now, is
// refused rather than recorded over the other.

const actor = { accountId: '712020:alice', now: '2026-12-03T05:00:00.000Z' };
const task = { id: '10100', key: 'PAY-30' };

describe('recording a task under a claim', () => {
  const withThreat = addThreat(
    emptyThreatModel(),
    { title: 'Card testing', description: '', stride: ['S'], probability: 4, impact: 4, component: '' },
    actor,
  ).model;
  const model = addMitigation(
    withThreat,
    MitigationDraft.parse({ title: 'Rate-limit authorisations', addresses: [{ threatId: 'T-1', strength: 50 }] }),
    actor,
  ).model;

  it('records the task for the claim it was created under, and the claim is spent', () => {
    const { mitigation } = attachTask(claimTask(model, 'M-1', 'claim-a', actor), 'M-1', task, actor, 'claim-a');
    expect(mitigation).toMatchObject({ task, status: 'accepted', revision: 2 });
    expect(mitigation.taskClaim).toBeUndefined();
  });

  it('records the id and key only, when handed a whole issue record (an adopted task)', () => {
    // The record carries what the person read (links to stories under a security level, statuses):
    // the model is read by everyone who browses the project (found by a review).
    const adopted = { ...task, summary: 'Rate-limit authorisations (M-1)', linkedIssueKeys: ['PAY-14'] };
    const { mitigation } = attachTask(claimTask(model, 'M-1', 'claim-a', actor), 'M-1', adopted, actor, 'claim-a');
    expect(mitigation.task).toEqual(task);
  });

  it('refuses when another claim was made since', () => {
    const claimedTwice = claimTask(claimTask(model, 'M-1', 'claim-a', actor), 'M-1', 'claim-b', actor);
    expect(() => attachTask(claimedTwice, 'M-1', task, actor, 'claim-a')).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(findMitigation(claimedTwice, 'M-1').task).toBeNull();
  });

  it('refuses when the mitigation has a task by now, or no claim at all', () => {
    const claimed = claimTask(model, 'M-1', 'claim-a', actor);
    const other = attachTask(claimed, 'M-1', { id: '10099', key: 'PAY-29' }, actor, 'claim-a').model;
    const reclaimed = claimTask(other, 'M-1', 'claim-a', actor);
    expect(() => attachTask(reclaimed, 'M-1', task, actor, 'claim-a')).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(() => attachTask(model, 'M-1', task, actor, 'claim-a')).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
  });

  it('replaces a recorded task only when the claim says so (the old one is no longer the mitigation’s task)', () => {
    const gone = { id: '10099', key: 'PAY-29' };
    const recorded = attachTask(claimTask(model, 'M-1', 'claim-a', actor), 'M-1', gone, actor, 'claim-a').model;
    const replacing = claimTask(recorded, 'M-1', 'claim-b', actor, true);
    expect(findMitigation(replacing, 'M-1').task).toBeNull();
    expect(attachTask(replacing, 'M-1', task, actor, 'claim-b').mitigation.task).toEqual(task);
  });
});
