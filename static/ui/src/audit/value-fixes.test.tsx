import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  audit,
  mitigation,
  openTask,
  rawStory,
  story,
  task,
  threat,
} from '../../../../src/domain/audit/audit-fixtures';
import type { IssueValues, ModelValues, UnreadableModelPart } from '../../../../src/contract';
import type { AuditResult } from '../../../../src/domain/audit/audit-result';
import { shownValue } from '../../../../src/domain/audit/value-fixes';
import { fakeBridge } from '../test-support/fake-bridge';
import { blobText, savedDownloads } from '../test-support/saved-downloads';
import { AuditTab } from './audit-tab';
import { OpenThreatModelTab } from './open-threat-model';
import { anAuditView, fixPayloadsOf, type AuditViewOver } from './test-support/audit-view-mother';

// A project with one finding of each kind these fixes are for: PAY-2's clauses unreadable, the
// property of M-1's task PAY-100 broken, PAY-101 claiming a deleted mitigation, and PAY-1 done
// while M-2 (accepted, task PAY-102 to do) is not.
const RESULT = audit({
  threats: [threat('T-1', { title: 'Card data stolen', probability: 4, impact: 5 })],
  mitigations: [
    mitigation('M-1', [['T-1', 50]], { task: { id: 'id-PAY-100', key: 'PAY-100' } }),
    mitigation('M-2', [['T-1', 50]], { status: 'accepted', task: { id: 'id-PAY-102', key: 'PAY-102' } }),
  ],
  stories: [
    story('PAY-1', { clauses: [{ id: 'c1', threatIds: ['T-1'] }], statusCategory: 'done' }),
    rawStory('PAY-2', { clauses: [{ id: 'x', text: 'ok', threatIds: ['not-a-threat'] }], revision: 4 }),
  ],
  tasks: [
    task('PAY-100', 'M-1', ['T-1'], { propertyValue: { v: 9 } }),
    task('PAY-101', 'M-99', ['T-1']),
    openTask('PAY-102', 'M-2', ['T-1']),
  ],
});

const done = { state: 'done', startedAt: null, updatedAt: null, progress: null, error: null } as const;
const viewOf = (over: AuditViewOver = {}) =>
  anAuditView({ completedAt: '2026-11-23T09:00:05.000Z', run: done, result: RESULT, ...over });
const without = (id: string): AuditResult => ({ ...RESULT, findings: RESULT.findings.filter((f) => f.id !== id) });
const findingRow = async (id: string) => {
  await screen.findByText(/^Last complete audit:/);
  return within(await screen.findByTestId(`finding-${id}`));
};
const valuesOf = (issueKey: string, over: Partial<IssueValues> = {}): IssueValues => ({
  issueKey,
  clauses: shownValue(undefined),
  clausesReadable: true,
  taskProperty: shownValue(undefined),
  recordedFor: null,
  ...over,
});

afterEach(() => fakeBridge.reset());

describe('the audit fixes for values, tasks and stories done too early', () => {
  it('shows an unreadable clauses value before it replaces it, and sends the fingerprint of what was shown', async () => {
    const raw = shownValue({ clauses: [{ id: 'x', text: 'ok', threatIds: ['not-a-threat'] }] });
    fakeBridge.answer('audit/get', () => ({ ok: true, data: viewOf() }));
    fakeBridge.answer('audit/issue-values', ({ issueKey }) => ({
      ok: true,
      data: valuesOf(issueKey, { clauses: raw, clausesReadable: false }),
    }));
    fakeBridge.answer('audit/replace-clauses', () => ({
      ok: true,
      data: viewOf({ result: without('invalid-story-clauses:PAY-2') }),
    }));
    const user = userEvent.setup();
    render(<AuditTab />);
    const row = await findingRow('invalid-story-clauses:PAY-2');
    await user.click(row.getByRole('button', { name: 'Review the unreadable value of PAY-2' }));
    expect((await row.findByLabelText('PAY-2’s WITHOUT clauses value in Jira')).textContent).toContain('not-a-threat');
    // Nothing is written until the person, having seen it, chooses to replace it.
    expect(fakeBridge.invocationsOf('audit/replace-clauses')).toEqual([]);
    await user.click(row.getByRole('button', { name: 'Replace with no clauses' }));
    expect(fixPayloadsOf('audit/replace-clauses')).toEqual([{ issueKey: 'PAY-2', fingerprint: raw.fingerprint }]);
    expect(screen.queryByTestId('finding-invalid-story-clauses:PAY-2')).toBeNull();
  });

  it('sets a recorded task’s property from its mitigation, and releases an issue the model records for nothing', async () => {
    const broken = shownValue({ v: 9 });
    const claimed = shownValue({ v: 1, mitigationId: 'M-99', threatIds: ['T-1'], projectKey: 'PAY' });
    fakeBridge.answer('audit/get', () => ({ ok: true, data: viewOf() }));
    fakeBridge.answer('audit/issue-values', ({ issueKey }) => ({
      ok: true,
      data:
        issueKey === 'PAY-100'
          ? valuesOf(issueKey, {
              taskProperty: broken,
              recordedFor: { mitigationId: 'M-1', title: 'Mitigation M-1', threatIds: ['T-1'] },
            })
          : valuesOf(issueKey, { taskProperty: claimed }),
    }));
    fakeBridge.answer('audit/restore-task-property', () => ({ ok: true, data: viewOf() }));
    fakeBridge.answer('audit/release-task', () => ({ ok: true, data: viewOf() }));
    const user = userEvent.setup();
    render(<AuditTab />);
    const recorded = await findingRow('invalid-task-property:PAY-100');
    await user.click(recorded.getByRole('button', { name: 'Review the task property of PAY-100' }));
    await user.click(await recorded.findByRole('button', { name: 'Set it from M-1' }));
    expect(fixPayloadsOf('audit/restore-task-property')).toEqual([
      { issueKey: 'PAY-100', fingerprint: broken.fingerprint },
    ]);
    const orphan = await findingRow('orphan-task:PAY-101');
    await user.click(orphan.getByRole('button', { name: 'Unlink the task of PAY-101' }));
    await orphan.findByText(/records PAY-101 as no mitigation’s task/);
    await user.click(orphan.getByRole('button', { name: 'Remove the task property' }));
    expect(fixPayloadsOf('audit/release-task')).toEqual([{ issueKey: 'PAY-101', fingerprint: claimed.fingerprint }]);
  });

  it('reopens a story done too early after asking, and links the tasks that would resolve it too', async () => {
    fakeBridge.answer('audit/get', () => ({ ok: true, data: viewOf() }));
    fakeBridge.answer('audit/reopen-story', () => ({
      ok: true,
      data: viewOf({ result: without('story-done-unmitigated:PAY-1') }),
    }));
    const user = userEvent.setup();
    render(<AuditTab />);
    const row = await findingRow('story-done-unmitigated:PAY-1');
    expect(row.getAllByRole('link', { name: 'PAY-102' }).length).toBeGreaterThan(0);
    await user.click(row.getByRole('button', { name: 'Reopen the story PAY-1' }));
    expect(fakeBridge.invocationsOf('audit/reopen-story')).toEqual([]);
    await user.click(row.getByRole('button', { name: 'Reopen PAY-1' }));
    expect(fixPayloadsOf('audit/reopen-story')).toEqual([{ issueKey: 'PAY-1' }]);
    expect(screen.queryByTestId('finding-story-done-unmitigated:PAY-1')).toBeNull();
  });

  it('disables each for a browse-only person, with the reason, and reads nothing', async () => {
    fakeBridge.answer('audit/get', () => ({
      ok: true,
      data: viewOf({ canEditStories: false, canTransitionIssues: false, canSuppress: false }),
    }));
    render(<AuditTab />);
    for (const [id, label, reason] of [
      ['invalid-story-clauses:PAY-2', 'Review the unreadable value', /can’t change PAY-2’s WITHOUT clauses here/],
      ['invalid-task-property:PAY-100', 'Review the task property', /can’t change PAY-100’s task property here/],
      ['orphan-task:PAY-101', 'Unlink the task', /can’t change PAY-101’s task property here/],
      ['story-done-unmitigated:PAY-1', 'Reopen the story', /can’t transition PAY’s issues, so you can’t reopen PAY-1/],
    ] as const) {
      const row = await findingRow(id);
      expect(row.getByRole('button', { name: label })).toHaveProperty('disabled', true);
      expect(row.getByText(reason)).toBeTruthy();
    }
    expect(fakeBridge.invocationsOf('audit/issue-values')).toEqual([]);
  });

  describe('a threat model it cannot read', () => {
    const unreadable = audit({ threats: [threat('T-1')], modelProblems: ['The threat model shard 9 is not valid.'] });
    const RAW = JSON.stringify({ v: 2, revision: 1, encoding: 'deflate-base64', data: 'x'.repeat(5000) });
    const shard: UnreadableModelPart = {
      part: { kind: 'shard', shard: 9 },
      property: 'without.model.shard.9',
      name: 'Shard without.model.shard.9',
      text: RAW.slice(0, 2000),
      truncated: true,
      size: RAW.length,
      digest: 'a'.repeat(64),
      consequence: 'Removing it deletes this shard.',
      refusal: null,
    };
    const partsFor = (canRemove: boolean): ModelValues => ({ parts: [shard], more: 0, canRemove });
    const withoutModelFinding: AuditResult = {
      ...unreadable,
      findings: unreadable.findings.filter((f) => f.kind !== 'model-unreadable'),
    };

    it('shows each unreadable part raw, downloads it whole, and removes it after asking, naming the value shown', async () => {
      const saved = savedDownloads();
      fakeBridge.answer('audit/get', () => ({ ok: true, data: viewOf({ result: unreadable }) }));
      fakeBridge.answer('audit/model-values', ({ part }) => ({
        ok: true,
        data: part ? { ...partsFor(true), parts: [{ ...shard, whole: RAW }] } : partsFor(true),
      }));
      fakeBridge.answer('audit/remove-model-part', () => ({
        ok: true,
        data: viewOf({ result: withoutModelFinding }),
      }));
      const opened = jest.fn();
      const user = userEvent.setup();
      render(
        <OpenThreatModelTab.Provider value={opened}>
          <AuditTab />
        </OpenThreatModelTab.Provider>,
      );
      const row = await findingRow('model-unreadable');
      await user.click(row.getByRole('button', { name: 'Open the threat model' }));
      expect(opened).toHaveBeenCalledTimes(1);
      await user.click(row.getByRole('button', { name: 'Review the unreadable parts' }));
      expect((await row.findByLabelText('Shard without.model.shard.9')).textContent).toBe(RAW.slice(0, 2000));
      expect(row.getByText(/^5,0\d\d characters stored\. Removing it deletes this shard\.$/)).toBeTruthy();
      await user.click(row.getByRole('button', { name: 'Download Shard without.model.shard.9' }));
      expect(fakeBridge.payloadsOf('audit/model-values')).toEqual([{}, { part: { kind: 'shard', shard: 9 } }]);
      expect(saved).toHaveLength(1);
      expect(await blobText(saved[0]!)).toBe(RAW);
      await user.click(row.getByRole('button', { name: 'Remove this unreadable part' }));
      // The question takes focus, and says the removal cannot be undone except from the download.
      const question = row.getByText(
        /^Remove Shard without.model.shard.9\? This cannot be undone, except by restoring the download/,
      );
      expect(document.activeElement).toBe(question.parentElement);
      expect(fakeBridge.invocationsOf('audit/remove-model-part')).toEqual([]);
      await user.click(row.getByRole('button', { name: 'Remove it' }));
      expect(fixPayloadsOf('audit/remove-model-part')).toEqual([
        { part: { kind: 'shard', shard: 9 }, digest: 'a'.repeat(64) },
      ]);
      expect(screen.queryByTestId('finding-model-unreadable')).toBeNull();
    });

    it('lets Cancel back out, and disables the removal with the reason for a person who does not administer the project', async () => {
      fakeBridge.answer('audit/get', () => ({ ok: true, data: viewOf({ result: unreadable }) }));
      fakeBridge.answer('audit/model-values', () => ({ ok: true, data: partsFor(false) }));
      const user = userEvent.setup();
      render(<AuditTab />);
      const row = await findingRow('model-unreadable');
      await user.click(row.getByRole('button', { name: 'Review the unreadable parts' }));
      const remove = await row.findByRole('button', { name: 'Remove this unreadable part' });
      expect(remove).toHaveProperty('disabled', true);
      expect(
        row.getByText('Only administrators of PAY can remove an unreadable part of the threat model.'),
      ).toBeTruthy();
      // The download is for everyone who may see the project.
      expect(row.getByRole('button', { name: 'Download Shard without.model.shard.9' })).toHaveProperty(
        'disabled',
        false,
      );
      await user.click(row.getByRole('button', { name: 'Close' }));
      expect(row.getByRole('button', { name: 'Review the unreadable parts' })).toBeTruthy();
      expect(fakeBridge.invocationsOf('audit/remove-model-part')).toEqual([]);
    });

    it('lets an administrator back out of the question with Cancel', async () => {
      fakeBridge.answer('audit/get', () => ({ ok: true, data: viewOf({ result: unreadable }) }));
      fakeBridge.answer('audit/model-values', () => ({ ok: true, data: partsFor(true) }));
      const user = userEvent.setup();
      render(<AuditTab />);
      const row = await findingRow('model-unreadable');
      await user.click(row.getByRole('button', { name: 'Review the unreadable parts' }));
      await user.click(await row.findByRole('button', { name: 'Remove this unreadable part' }));
      await user.click(row.getByRole('button', { name: 'Cancel' }));
      expect(document.activeElement).toBe(row.getByRole('button', { name: 'Remove this unreadable part' }));
      expect(fakeBridge.invocationsOf('audit/remove-model-part')).toEqual([]);
    });
  });
});
