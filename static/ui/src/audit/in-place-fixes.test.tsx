import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  audit,
  builtInRules,
  countedStory,
  mitigation,
  story,
  threat,
} from '../../../../src/domain/audit/audit-fixtures';
import type { AuditResult } from '../../../../src/domain/audit/audit-result';
import { aMitigationView, aThreatModel, aThreatRow } from '../threat-model/test-support/threat-model-mother';
import { fakeBridge } from '../test-support/fake-bridge';
import { AuditTab } from './audit-tab';
import { anAuditView, fixPayloadsOf, type AuditViewOver } from './test-support/audit-view-mother';
import { aSuggestion, someSuggestions } from '../test-support/suggestion-mother';
import { serveThreatModel } from '../threat-model/test-support/given-threat-model';

// One project with a finding of each kind these fixes are for.
const RESULT = audit({
  threats: [
    threat('T-1', { title: 'Card data stolen', probability: 4, impact: 5 }),
    threat('T-2', { title: 'Session hijacked', probability: 2, impact: 3 }),
    threat('T-3', { title: 'Old threat', state: 'retired' }),
  ],
  mitigations: [mitigation('M-2', [['T-2', 50]], { status: 'proposed' })],
  stories: [
    story('PAY-1', { clauses: [{ id: 'c1', threatIds: ['T-1', 'T-2'] }] }),
    story('PAY-7', { clauses: [{ id: 'c7', text: 'having a refund paid twice', threatIds: ['T-9', 'T-1'] }] }),
    story('PAY-8', { clauses: [{ id: 'c8', threatIds: ['T-2'] }], directThreatIds: ['T-3'] }),
    countedStory('PAY-5', { summary: 'Users log in with a password and reset it by email' }),
  ],
  storyRules: builtInRules(),
});

const done = { state: 'done', startedAt: null, updatedAt: null, progress: null, error: null } as const;
const viewOf = (over: AuditViewOver = {}) =>
  anAuditView({ completedAt: '2026-11-23T09:00:05.000Z', run: done, result: RESULT, ...over });
const without = (prefix: string): AuditResult => ({
  ...RESULT,
  findings: RESULT.findings.filter((f) => !f.id.startsWith(prefix)),
});
const findingRow = async (prefix: string) => {
  await screen.findByText(/^Last complete audit:/);
  const row = screen.getAllByRole('row').find((r) => r.getAttribute('data-testid')?.startsWith(`finding-${prefix}`));
  if (!row) throw new Error(`no finding ${prefix}`);
  return within(row);
};

const MODEL = aThreatModel({
  threats: [
    aThreatRow({ id: 'T-1', title: 'Card data stolen', probability: 4, impact: 5 }),
    aThreatRow({ id: 'T-2', title: 'Session hijacked', probability: 2, impact: 3 }),
  ],
  mitigations: [
    aMitigationView({ id: 'M-2', title: 'Rotate session ids', addresses: [{ threatId: 'T-2', strength: 50 }] }),
  ],
});

afterEach(() => fakeBridge.reset());

describe('the audit fixes that work in place', () => {
  it('adds a mitigation to a threat that has none, then audits again', async () => {
    fakeBridge.answer('audit/get', () => ({ ok: true, data: viewOf() }));
    fakeBridge.answer('audit/run', () => ({
      ok: true,
      data: viewOf({ result: without('threat-without-mitigation:T-1') }),
    }));
    serveThreatModel(() => ({ ok: true, data: MODEL }));
    fakeBridge.answer('mitigation/add', ({ draft }) => ({
      ok: true,
      data: aMitigationView({ ...draft, id: 'M-3', status: 'proposed' }),
    }));
    const user = userEvent.setup();
    render(<AuditTab />);

    const row = await findingRow('threat-without-mitigation:T-1');
    await user.click(row.getByRole('button', { name: 'Add a mitigation' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Add mitigation to T-1' }));
    await user.type(dialog.getByLabelText('Title'), 'Tokenise card numbers');
    await user.click(dialog.getByRole('button', { name: 'Add mitigation' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fakeBridge.payloadsOf('mitigation/add')).toEqual([
      expect.objectContaining({
        draft: expect.objectContaining({
          title: 'Tokenise card numbers',
          addresses: [{ threatId: 'T-1', strength: 50 }],
        }),
      }),
    ]);
    await waitFor(() => expect(fakeBridge.payloadsOf('audit/run')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByTestId('finding-threat-without-mitigation:T-1')).toBeNull());
  });

  it('opens the mitigations of a threat with only proposed ones, to change one; closing unchanged does not audit', async () => {
    fakeBridge.answer('audit/get', () => ({ ok: true, data: viewOf() }));
    serveThreatModel(() => ({ ok: true, data: MODEL }));
    const user = userEvent.setup();
    render(<AuditTab />);

    const row = await findingRow('threat-without-mitigation:T-2');
    await user.click(row.getByRole('button', { name: 'Review its mitigations' }));
    const list = within(await screen.findByRole('dialog', { name: 'Mitigations of T-2' }));
    expect(list.getByText(/Rotate session ids/)).toBeTruthy();
    // The dialog's title says whose mitigations these are, once: the list repeats no heading of its own.
    expect(list.getAllByText('Mitigations of T-2')).toHaveLength(1);
    await user.click(list.getByRole('button', { name: /Edit M-2/ }));
    expect(await screen.findByRole('dialog', { name: 'Edit M-2' })).toBeTruthy();
    await user.click(within(screen.getByRole('dialog', { name: 'Edit M-2' })).getByRole('button', { name: 'Cancel' }));
    // Back on the list, then closed: nothing was saved, so no audit.
    const back = within(await screen.findByRole('dialog', { name: 'Mitigations of T-2' }));
    await user.click(back.getByRole('button', { name: 'Close Modal' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fakeBridge.payloadsOf('audit/run')).toEqual([]);
  });

  it('removes a link to an unknown threat after asking, says what was removed, and the finding goes when the audit is done', async () => {
    fakeBridge.answer('audit/get', () => ({ ok: true, data: viewOf() }));
    fakeBridge.answer('audit/remove-link', () => ({
      ok: true,
      data: viewOf({ result: without('link-to-unknown-threat:PAY-7') }),
    }));
    const user = userEvent.setup();
    render(<AuditTab />);

    const row = await findingRow('link-to-unknown-threat:PAY-7');
    await user.click(row.getByRole('button', { name: 'Remove the link' }));
    expect(row.getByText(/Remove T-9 \(not in the threat model\) from PAY-7’s WITHOUT clauses/)).toBeTruthy();
    expect(fakeBridge.payloadsOf('audit/remove-link')).toEqual([]);
    await user.click(row.getByRole('button', { name: 'Remove T-9' }));

    expect(fixPayloadsOf('audit/remove-link')).toEqual([{ issueKey: 'PAY-7', threatId: 'T-9' }]);
    await waitFor(() => expect(screen.queryByTestId(/^finding-link-to-unknown-threat:PAY-7/)).toBeNull());
  });

  it('cancelling the removal removes nothing', async () => {
    fakeBridge.answer('audit/get', () => ({ ok: true, data: viewOf() }));
    const user = userEvent.setup();
    render(<AuditTab />);
    const row = await findingRow('link-to-retired-threat:PAY-8');
    await user.click(row.getByRole('button', { name: 'Remove the link' }));
    expect(row.getByText(/Remove T-3 \(retired\) from PAY-8’s/)).toBeTruthy();
    await user.click(row.getByRole('button', { name: 'Cancel' }));
    expect(row.getByRole('button', { name: 'Remove the link' })).toBeTruthy();
    expect(fakeBridge.invocationsOf('audit/remove-link')).toEqual([]);
  });

  it('shows the threats the knowledge bases suggest for a story that needs threat modeling, in place', async () => {
    fakeBridge.answer('audit/get', () => ({ ok: true, data: viewOf() }));
    fakeBridge.answer('knowledge-base/suggest', () => ({
      ok: true,
      data: someSuggestions([aSuggestion()]),
    }));
    const user = userEvent.setup();
    render(<AuditTab />);
    const row = await findingRow('story-needs-threat-modeling:PAY-5');
    await user.click(row.getByRole('button', { name: 'Suggest threats for PAY-5' }));
    expect(await row.findByText('Account takeover by credential stuffing')).toBeTruthy();
    expect(fakeBridge.payloadsOf('knowledge-base/suggest')).toEqual([{ issueKey: 'PAY-5' }]);
  });

  it('disables each writing fix, with the reason, for a person who may only browse', async () => {
    fakeBridge.answer('audit/get', () => ({
      ok: true,
      data: viewOf({ canSuppress: false, canEditThreatModel: false, canEditStories: false, canCreateTasks: false }),
    }));
    render(<AuditTab />);
    const cases: Array<[string, string, RegExp]> = [
      [
        'threat-without-mitigation:T-1',
        'Add a mitigation',
        /can’t edit PAY’s threat model, so you can’t change its mitigations/,
      ],
      ['threat-without-mitigation:T-2', 'Review its mitigations', /can’t edit PAY’s threat model/],
      ['link-to-unknown-threat:PAY-7', 'Remove the link', /can’t edit PAY’s stories, so you can’t remove the link/],
      ['link-to-retired-threat:PAY-8', 'Remove the link', /can’t edit PAY’s stories, so you can’t remove the link/],
    ];
    for (const [prefix, label, reason] of cases) {
      const row = await findingRow(prefix);
      const button = row.getByRole('button', { name: label });
      expect((button as HTMLButtonElement).disabled).toBe(true);
      expect(row.getByText(reason)).toBeTruthy();
    }
    // Reading the suggestions changes nothing: it stays open to everyone.
    const needs = await findingRow('story-needs-threat-modeling:PAY-5');
    expect((needs.getByRole('button', { name: 'Suggest threats for PAY-5' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });
});
