import { fakeBridge, sprintHost } from './test-support/sprint-host-bridge';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SprintPlanView, SprintWarning } from '../../../../src/contract';
import { aMitigationView, aThreatModel, aThreatRow } from '../threat-model/test-support/threat-model-mother';
import { serveThreatModel } from '../threat-model/test-support/given-threat-model';
import { SprintPlan } from './sprint-plan';
import { aPullInItem, aSprintMitigation, aSprintPlan, okPlan } from './test-support/sprint-plan-mother';

afterEach(() => sprintHost.reset());

// The gaps of the plan each offer their fix in place: a clause with no threat links one (the
// Audit tab's picker), a threat with no mitigation gets one (the Threat model tab's dialog).

const CLAUSE_GAP: SprintWarning = {
  kind: 'clause-without-threat',
  storyKey: 'PAY-2',
  clauseId: 'c3',
  message: 'PAY-2: "WITHOUT being tracked across shops" is linked to no threat.',
};
const THREAT_GAP: SprintWarning = {
  kind: 'threat-without-mitigation',
  storyKey: 'PAY-1',
  threatId: 'T-1',
  message: 'PAY-1: T-1 Card data stolen has no mitigation at all.',
};
const T1 = { id: 'T-1', title: 'Card data stolen', severity: { score: 20, band: 'Critical' as const } };

const planWith = (warnings: SprintWarning[], over: Partial<SprintPlanView> = {}) =>
  aSprintPlan({ warnings, canEditThreatModel: true, ...over });

/** The gaps listed, by the fix each offers: its kind and story. */
const gapsShown = () =>
  within(screen.getByRole('list', { name: 'Sprint warnings' }))
    .getAllByRole('listitem')
    .map((item) =>
      within(item).queryByRole('button', { name: /^Link a threat/ })
        ? `clause-without-threat ${within(item).getAllByRole('link')[0]!.textContent}`
        : `threat-without-mitigation ${within(item).getAllByRole('link')[0]!.textContent}`,
    );

/** The line that says what the last fix did: a status, focusable. */
function doneLine(text: string): HTMLElement {
  const line = screen.getByText(text).closest<HTMLElement>('[role="status"]');
  if (!line) throw new Error(`${text} is not a status line`);
  return line;
}

async function renderPlan(first: SprintPlanView, later?: SprintPlanView) {
  let reads = 0;
  fakeBridge.answer('sprint/get', () => okPlan(reads++ === 0 || !later ? first : later));
  render(<SprintPlan sprintId={first.sprint.id} />);
  return within(await screen.findByRole('list', { name: 'Sprint warnings' }));
}

describe('sprint plan: a clause linked to no threat', () => {
  it('links a threat picked in place; the plan’s answer drops the gap and focus rests on what was done', async () => {
    const before = planWith([CLAUSE_GAP, THREAT_GAP]);
    fakeBridge.answer('audit/find-threats', () => ({ ok: true, data: { threats: [T1] } }));
    fakeBridge.answer('sprint/link-threat', () => okPlan({ ...before, warnings: [THREAT_GAP] }));
    const user = userEvent.setup();
    const gaps = await renderPlan(before);

    await user.click(gaps.getByRole('button', { name: 'Link a threat to the clause of PAY-2' }));
    // Focus goes into the fix: its threat picker.
    expect(document.activeElement).toBe(gaps.getByLabelText('Threat'));
    await user.click(gaps.getByLabelText('Threat'));
    await user.click(await gaps.findByRole('option', { name: /^T-1 Card data stolen/ }));
    await user.click(gaps.getByRole('button', { name: 'Link threat' }));

    await waitFor(() => expect(gapsShown()).toEqual(['threat-without-mitigation PAY-1']));
    expect(fakeBridge.payloadsOf('audit/find-threats')).toEqual([{ query: '' }]);
    expect(fakeBridge.payloadsOf('sprint/link-threat')).toEqual([
      { sprintId: 4, issueKey: 'PAY-2', clauseId: 'c3', threatId: 'T-1' },
    ]);
    expect(screen.getByText('1 gap in the security planning of this sprint')).toBeTruthy();
    const done = doneLine('Linked T-1 to the WITHOUT clause of PAY-2.');
    expect(document.activeElement).toBe(done);
    // The answer is the plan: no second read for it.
    expect(fakeBridge.payloadsOf('sprint/get')).toHaveLength(1);
  });

  it('says what was done only on the sprint it was done in', async () => {
    const before = planWith([CLAUSE_GAP]);
    const next = { ...before, sprint: { ...before.sprint, id: 5, name: 'Sprint 5' } };
    fakeBridge.answer('sprint/get', ({ sprintId }) => okPlan(sprintId === 5 ? next : before));
    fakeBridge.answer('audit/find-threats', () => ({ ok: true, data: { threats: [T1] } }));
    fakeBridge.answer('sprint/link-threat', () => okPlan({ ...before, warnings: [] }));
    const user = userEvent.setup();
    const { rerender } = render(<SprintPlan sprintId={4} />);
    await user.click(await screen.findByRole('button', { name: 'Link a threat to the clause of PAY-2' }));
    await user.click(screen.getByLabelText('Threat'));
    await user.click(await screen.findByRole('option', { name: /^T-1 / }));
    await user.click(screen.getByRole('button', { name: 'Link threat' }));
    await screen.findByText('Linked T-1 to the WITHOUT clause of PAY-2.');

    rerender(<SprintPlan sprintId={5} />);
    await screen.findByRole('heading', { name: 'Sprint 5' });
    expect(screen.queryByText('Linked T-1 to the WITHOUT clause of PAY-2.')).toBeNull();
  });

  it('says why a link failed and stays open; Cancel closes it and gives focus back to its button', async () => {
    fakeBridge.answer('audit/find-threats', () => ({ ok: true, data: { threats: [T1] } }));
    fakeBridge.answer('sprint/link-threat', () => ({
      ok: false,
      error: { code: 'CONFLICT', message: 'PAY-2 no longer has that WITHOUT clause. Run the audit again.' },
    }));
    const user = userEvent.setup();
    const gaps = await renderPlan(planWith([CLAUSE_GAP]));

    await user.click(gaps.getByRole('button', { name: 'Link a threat to the clause of PAY-2' }));
    await user.click(gaps.getByLabelText('Threat'));
    await user.click(await gaps.findByRole('option', { name: /^T-1 / }));
    await user.click(gaps.getByRole('button', { name: 'Link threat' }));
    expect((await gaps.findByRole('alert')).textContent).toBe(
      'PAY-2 no longer has that WITHOUT clause. Run the audit again.',
    );
    expect(gaps.getByLabelText('Threat')).toBeTruthy();

    await user.click(gaps.getByRole('button', { name: 'Cancel' }));
    expect(gaps.queryByLabelText('Threat')).toBeNull();
    expect(document.activeElement).toBe(gaps.getByRole('button', { name: 'Link a threat to the clause of PAY-2' }));
  });

  it('is disabled, with the reason, for a person who may not edit the project’s stories', async () => {
    const gaps = await renderPlan(planWith([CLAUSE_GAP], { canEditStories: false }));

    const button = gaps.getByRole('button', { name: 'Link a threat' });
    expect(button.hasAttribute('disabled')).toBe(true);
    expect(button.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(button.getAttribute('aria-describedby')!)?.textContent).toBe(
      'You can’t edit PAY’s stories, so you can’t link a threat here.',
    );
    expect(gaps.queryByLabelText('Threat')).toBeNull();
  });
});

const MODEL = aThreatModel({
  threats: [aThreatRow({ id: 'T-1', title: 'Card data stolen', probability: 4, impact: 5 })],
  mitigations: [],
});

describe('sprint plan: a threat with no mitigation', () => {
  it('adds one in the Threat model tab’s dialog, then reads the plan again: the gap is gone', async () => {
    const before = planWith([CLAUSE_GAP, THREAT_GAP]);
    serveThreatModel(() => ({ ok: true, data: MODEL }));
    fakeBridge.answer('mitigation/add', ({ draft }) => ({
      ok: true,
      data: aMitigationView({ ...draft, id: 'M-7', status: 'proposed' }),
    }));
    const user = userEvent.setup();
    const after = {
      ...before,
      warnings: [CLAUSE_GAP],
      pullIn: [
        ...before.pullIn,
        aPullInItem(
          aSprintMitigation('M-7', {
            addresses: [{ threatId: 'T-1', strength: 50 }],
            status: 'proposed',
            place: 'not-created',
          }),
          10,
          ['PAY-1'],
        ),
      ],
    };
    const gaps = await renderPlan(before, after);

    await user.click(gaps.getByRole('button', { name: 'Add a mitigation to T-1' }));
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
    // Read again once: the plan's gap list no longer has T-1.
    await waitFor(() => expect(gapsShown()).toEqual(['clause-without-threat PAY-2']));
    expect(fakeBridge.payloadsOf('sprint/get')).toHaveLength(2);
    const done = await waitFor(() => doneLine('M-7 added to T-1: it is in the work to pull in below.'));
    await waitFor(() => expect(document.activeElement).toBe(done));
  });

  it('closed without adding, reads nothing again and gives focus back to its button', async () => {
    serveThreatModel(() => ({ ok: true, data: MODEL }));
    const user = userEvent.setup();
    const gaps = await renderPlan(planWith([THREAT_GAP]));

    const opener = gaps.getByRole('button', { name: 'Add a mitigation to T-1' });
    await user.click(opener);
    const dialog = within(await screen.findByRole('dialog', { name: 'Add mitigation to T-1' }));
    // Focus is in the dialog, its first field.
    await waitFor(() => expect(screen.getByRole('dialog').contains(document.activeElement)).toBe(true));
    await user.click(dialog.getByRole('button', { name: 'Cancel' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));
    expect(fakeBridge.payloadsOf('mitigation/add')).toEqual([]);
    expect(fakeBridge.payloadsOf('sprint/get')).toHaveLength(1);
  });

  it('is disabled, with the reason, for a person who may not edit the threat model', async () => {
    const gaps = await renderPlan(planWith([THREAT_GAP], { canEditThreatModel: false }));

    const button = gaps.getByRole('button', { name: 'Add a mitigation' });
    expect(button.hasAttribute('disabled')).toBe(true);
    expect(document.getElementById(button.getAttribute('aria-describedby')!)?.textContent).toBe(
      'You can’t edit PAY’s threat model, so you can’t add a mitigation here: project administrators and the roles named in the app’s settings can.',
    );
    expect(fakeBridge.invocationsOf('threat-model/get')).toEqual([]);
  });

  it('says why, in place, when the model says the person may no longer edit it', async () => {
    serveThreatModel(() => ({ ok: true, data: { ...MODEL, canEdit: false } }));
    const user = userEvent.setup();
    const gaps = await renderPlan(planWith([THREAT_GAP]));

    await user.click(gaps.getByRole('button', { name: 'Add a mitigation to T-1' }));
    expect((await gaps.findByRole('alert')).textContent).toMatch(/^You can’t edit PAY’s threat model/);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
