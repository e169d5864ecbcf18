import { fakeBridge, hostBridge } from '../test-support/host-bridge';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { KbUpdate } from '../../../../../src/contract';
import { ThreatModelTab } from '../threat-model-tab';
import {
  aMitigationView,
  aThreatModel,
  aThreatRow,
  savedThreat,
  type ThreatModelFixture,
} from '../test-support/threat-model-mother';
import { rowOf } from '../test-support/threat-table-queries';
import { givenThreatModel, pageReadInFull } from '../test-support/given-threat-model';

const SOURCE = {
  kind: 'knowledge-base',
  knowledgeBaseId: 'web-and-api',
  templateId: 'WEB-I-01',
  version: '2026.1.0',
} as const;
const UPDATE: KbUpdate = {
  knowledgeBaseId: 'web-and-api',
  knowledgeBaseName: 'Web applications and APIs',
  fromVersion: '2026.1.0',
  toVersion: '2026.11.1',
  changes: [
    { field: 'title', from: 'Card data disclosed', to: 'Card data disclosed in transit or at rest' },
    { field: 'impact', from: '4', to: '5' },
  ],
  newMitigations: [{ templateId: 'WEB-M-34', title: 'Keep card data out of logs' }],
  removed: false,
};
const T5 = aThreatRow({
  id: 'T-5',
  title: 'Card data disclosed',
  impact: 4,
  source: SOURCE,
  revision: 3,
  kbUpdate: UPDATE,
});
const T6 = aThreatRow({ id: 'T-6', title: 'Session fixation' });

const givenModel = (model: ThreatModelFixture) => givenThreatModel(model);

async function openUpdate(model = aThreatModel({ threats: [T5, T6] })) {
  givenModel(model);
  const user = userEvent.setup();
  render(<ThreatModelTab />);
  await screen.findByRole('table');
  await pageReadInFull();
  await user.click(within(rowOf('T-5')).getByRole('button', { name: 'Update available for T-5' }));
  const dialog = within(await screen.findByRole('dialog', { name: 'Update for T-5' }));
  return { user, dialog };
}

afterEach(() => hostBridge.reset());

describe('knowledge-base update of a threat', () => {
  it('marks only threats with an update, and shows the update field by field with the new mitigations', async () => {
    const { dialog } = await openUpdate();
    expect(within(rowOf('T-6')).queryByRole('button', { name: /Update available/ })).toBeNull();
    expect(dialog.getByText('Web applications and APIs has a new version: 2026.1.0 → 2026.11.1.')).toBeTruthy();
    const rows = within(dialog.getByRole('table', { name: 'Changes' }))
      .getAllByRole('row')
      .map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Field', 'T-5 now', 'Version 2026.11.1'],
      ['Title', 'Card data disclosed', 'Card data disclosed in transit or at rest'],
      ['Impact', '4', '5'],
    ]);
    expect(
      within(dialog.getByRole('list', { name: 'New mitigations' })).getByText('Keep card data out of logs'),
    ).toBeTruthy();
  });

  it('shows a long description change as the words that change, and both texts in full on request', async () => {
    const before =
      'Card numbers travel over weak connections and are stored in our databases, logs, caches and backups for as long as anyone can remember.';
    const after =
      'Card numbers travel over unencrypted or downgraded connections and are stored in our databases, logs, caches and backups for as long as anyone can remember.';
    const withDescription: KbUpdate = { ...UPDATE, changes: [{ field: 'description', from: before, to: after }] };
    const { user, dialog } = await openUpdate(
      aThreatModel({ threats: [{ ...T5, description: before, kbUpdate: withDescription }, T6] }),
    );

    const changes = dialog.getByLabelText('Description changes');
    expect([...changes.querySelectorAll('del')].map((e) => e.textContent)).toEqual(['weak ']);
    expect([...changes.querySelectorAll('ins')].map((e) => e.textContent)).toEqual(['unencrypted or downgraded ']);
    expect(changes.textContent).toBe(
      'Card numbers travel over weak unencrypted or downgraded connections and are stored in our … ',
    );

    await user.click(dialog.getByRole('button', { name: 'Show both texts in full' }));
    expect(dialog.getByLabelText('T-5 now').textContent).toBe(before);
    expect(dialog.getByLabelText('Version 2026.11.1').textContent).toBe(after);
    await user.click(dialog.getByRole('button', { name: 'Show the changes only' }));
    expect(dialog.getByLabelText('Description changes')).toBeTruthy();
  });

  it('"Take update" sends the revision, flags success, reads the model again and the notice goes', async () => {
    const { user, dialog } = await openUpdate();
    const taken = {
      ...savedThreat('T-5', { ...T5, title: UPDATE.changes[0]!.to, impact: 5 }, 4),
      source: { ...SOURCE, version: '2026.11.1' },
    };
    fakeBridge.answer('threat-model/take-kb-update', () => ({ ok: true, data: taken }));
    givenModel(
      aThreatModel({
        threats: [aThreatRow({ ...taken, kbUpdate: undefined }), T6],
        mitigations: [
          aMitigationView({
            id: 'M-9',
            title: 'Keep card data out of logs',
            addresses: [{ threatId: 'T-5', strength: 50 }],
          }),
        ],
      }),
    );

    await user.click(dialog.getByRole('button', { name: 'Take update' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fakeBridge.payloadsOf('threat-model/take-kb-update')).toEqual([
      { threatId: 'T-5', baseRevision: 3, take: true },
    ]);
    expect(hostBridge.callsOf('showFlag')).toEqual([
      expect.objectContaining({ title: 'T-5 updated to Web applications and APIs 2026.11.1', type: 'success' }),
    ]);
    await waitFor(() => expect(fakeBridge.invocationsOf('threat-model/get')).toHaveLength(2));
    expect(within(rowOf('T-5')).getByText('Card data disclosed in transit or at rest')).toBeTruthy();
    expect(within(rowOf('T-5')).queryByRole('button', { name: /Update available/ })).toBeNull();
  });

  it('"Keep ours" records the version only: the row keeps its values and loses the notice', async () => {
    const { user, dialog } = await openUpdate();
    fakeBridge.answer('threat-model/take-kb-update', () => ({
      ok: true,
      data: { ...savedThreat('T-5', T5, 4), source: { ...SOURCE, version: '2026.11.1' } },
    }));

    await user.click(dialog.getByRole('button', { name: 'Keep ours' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fakeBridge.payloadsOf('threat-model/take-kb-update')).toEqual([
      { threatId: 'T-5', baseRevision: 3, take: false },
    ]);
    expect(hostBridge.callsOf('showFlag')).toEqual([expect.objectContaining({ title: 'T-5 keeps its values' })]);
    expect(within(rowOf('T-5')).getByText('Card data disclosed')).toBeTruthy();
    expect(within(rowOf('T-5')).queryByRole('button', { name: /Update available/ })).toBeNull();
    expect(fakeBridge.invocationsOf('threat-model/get')).toHaveLength(1);
  });

  it('on a conflict offers Reload and then shows the update as it is now', async () => {
    const { user, dialog } = await openUpdate();
    fakeBridge.answer('threat-model/take-kb-update', () => ({
      ok: false,
      error: { code: 'CONFLICT', message: 'Someone else changed T-5.' },
    }));
    await user.click(dialog.getByRole('button', { name: 'Take update' }));
    expect(
      await dialog.findByText(
        'Someone else changed T-5 in the meantime. Reload to see it and what the update changes now.',
      ),
    ).toBeTruthy();

    const theirs = aThreatRow({
      ...T5,
      impact: 5,
      revision: 4,
      kbUpdate: { ...UPDATE, changes: [UPDATE.changes[0]!] },
    });
    givenModel(aThreatModel({ threats: [theirs, T6] }));
    await user.click(dialog.getByRole('button', { name: 'Reload' }));

    await waitFor(() => expect(dialog.queryByText(/Someone else changed T-5/)).toBeNull());
    expect(within(dialog.getByRole('table', { name: 'Changes' })).queryByText('Impact')).toBeNull();
    fakeBridge.answer('threat-model/take-kb-update', () => ({
      ok: true,
      data: { ...savedThreat('T-5', theirs, 5), source: { ...SOURCE, version: '2026.11.1' } },
    }));
    await user.click(dialog.getByRole('button', { name: 'Take update' }));
    await waitFor(() =>
      expect(fakeBridge.payloadsOf('threat-model/take-kb-update')[1]).toEqual({
        threatId: 'T-5',
        baseRevision: 4,
        take: true,
      }),
    );
  });

  it('offers only "Keep ours" when the template was removed, and no decision to people who may not edit', async () => {
    const removed = aThreatRow({ ...T5, kbUpdate: { ...UPDATE, changes: [], newMitigations: [], removed: true } });
    const { dialog } = await openUpdate(aThreatModel({ threats: [removed, T6] }));
    expect(dialog.getByText('Removed from the knowledge base')).toBeTruthy();
    expect(dialog.queryByRole('button', { name: 'Take update' })).toBeNull();
    expect(dialog.getByRole('button', { name: 'Keep ours' })).toBeTruthy();
  });

  it('is read only for people who may not edit the threat model', async () => {
    const { dialog } = await openUpdate(aThreatModel({ threats: [T5, T6], canEdit: false }));
    expect(dialog.getByRole('table', { name: 'Changes' })).toBeTruthy();
    expect(dialog.queryByRole('button', { name: 'Take update' })).toBeNull();
    expect(dialog.queryByRole('button', { name: 'Keep ours' })).toBeNull();
    expect(dialog.getByRole('button', { name: 'Close' })).toBeTruthy();
  });
});
