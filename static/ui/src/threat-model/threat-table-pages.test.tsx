import { fakeBridge, hostBridge } from './test-support/host-bridge';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ThreatDraft } from '../../../../src/domain/threat-model/threat';
import { atFrameWidth, WIDE } from '../test-support/frame-width';
import { ThreatModelTab } from './threat-model-tab';
import { THREAT_PAGE_SIZE } from './threat-table';
import { aThreatModel, aThreatRow, savedThreat } from './test-support/threat-model-mother';
import { threatIds } from './test-support/threat-table-queries';
import { serveThreatModel } from './test-support/given-threat-model';

// 120 threats: T-1 … T-120, the even ones about the "API" component.
const THREATS = Array.from({ length: 120 }, (_, i) =>
  aThreatRow({
    id: `T-${i + 1}`,
    title: `Threat number ${i + 1}`,
    component: i % 2 === 1 ? 'API' : 'Web',
    probability: (i % 5) + 1,
  }),
);

async function renderTab() {
  atFrameWidth(WIDE);
  serveThreatModel(() => ({ ok: true, data: aThreatModel({ threats: THREATS }) }));
  const user = userEvent.setup();
  render(<ThreatModelTab />);
  await screen.findByRole('table', { name: 'Threats' });
  return user;
}

const pager = () => within(screen.getByRole('navigation', { name: 'Pages of threats' }));
const position = () => screen.getByTestId('pager-position').textContent;
const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `T-${from + i}`);

afterEach(() => hostBridge.reset());

describe('a long threat table', () => {
  it('renders one page of rows, and says where it is', async () => {
    await renderTab();

    expect(threatIds()).toEqual(ids(1, THREAT_PAGE_SIZE));
    expect(position()).toBe('1–50 of 120 threats · page 1 of 3');
    expect(pager().getByRole('button', { name: 'Previous' }).hasAttribute('disabled')).toBe(true);
  });

  it('reads in full only the threats of the page shown and the rows opened, each once', async () => {
    const user = await renderTab();
    const asked = () => fakeBridge.payloadsOf('threat-model/threats').map((p) => p.ids);
    await waitFor(() => expect(asked()).toEqual([ids(1, 50)]));

    await user.click(pager().getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(asked()).toEqual([ids(1, 50), ids(51, 100)]));
    await user.click(pager().getByRole('button', { name: 'Previous' }));
    await user.click(screen.getByRole('button', { name: 'Mitigations of T-3 (0)' }));
    expect(await screen.findByText('Mitigations of T-3')).toBeTruthy();
    // Page 1 and its row T-3 were read already: nothing more is asked.
    expect(asked()).toHaveLength(2);
  });

  it('turns pages forward and back; the last page is short', async () => {
    const user = await renderTab();

    await user.click(pager().getByRole('button', { name: 'Next' }));
    expect(threatIds()).toEqual(ids(51, 100));
    await user.click(pager().getByRole('button', { name: 'Next' }));
    expect(threatIds()).toEqual(ids(101, 120));
    expect(position()).toBe('101–120 of 120 threats · page 3 of 3');
    expect(pager().getByRole('button', { name: 'Next' }).hasAttribute('disabled')).toBe(true);
    await user.click(pager().getByRole('button', { name: 'Previous' }));
    expect(threatIds()).toEqual(ids(51, 100));
  });

  it('sorts all the threats, not just the page, and starts the new order at its first page', async () => {
    const user = await renderTab();
    await user.click(pager().getByRole('button', { name: 'Next' }));

    await user.click(screen.getByRole('button', { name: 'ID' }));

    expect(threatIds()).toEqual(ids(71, 120).reverse());
    expect(position()).toMatch(/^1–50 of 120/);
  });

  it('filters all the threats and starts at the first page of the matches', async () => {
    const user = await renderTab();
    await user.click(pager().getByRole('button', { name: 'Next' }));

    await user.type(screen.getByLabelText('Filter threats'), 'API');

    await waitFor(() => expect(threatIds()[0]).toBe('T-2'));
    expect(threatIds()).toHaveLength(50);
    expect(position()).toBe('1–50 of 60 threats · page 1 of 2');
  });

  it('turns to the page of a threat just created', async () => {
    const user = await renderTab();
    const draft: ThreatDraft = {
      title: 'A new threat at the end',
      description: '',
      stride: ['S'],
      probability: 3,
      impact: 3,
      component: '',
    };
    fakeBridge.givenResolver('threat-model/create-threat', () => ({ ok: true, data: savedThreat('T-121', draft, 1) }));

    await user.click(screen.getByRole('button', { name: 'Create threat' }));
    const dialog = within(screen.getByRole('dialog'));
    await user.type(dialog.getByLabelText('Title'), draft.title);
    await user.click(dialog.getByLabelText('S — Spoofing'));
    for (const [label, option] of [
      ['Probability', '3 — Possible'],
      ['Impact', '3 — Moderate'],
    ] as const) {
      await user.click(screen.getByLabelText(label));
      await user.click(await screen.findByRole('option', { name: option }));
    }
    await user.click(dialog.getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(threatIds()).toContain('T-121'));
    expect(threatIds()).toEqual([...ids(101, 121)]);
    expect(position()).toBe('101–121 of 121 threats · page 3 of 3');
  }, 30_000);
});

describe('story counts of a long threat table', () => {
  const UNCOUNTED = THREATS.map((t) => ({ ...t, storyCount: null, storiesJql: `threat = "${t.id}"` }));
  // Every threat T-n has n % 4 stories.
  const countsOf = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, Number(id.slice(2)) % 4]));

  async function renderUncounted() {
    atFrameWidth(WIDE);
    serveThreatModel(() => ({ ok: true, data: aThreatModel({ threats: UNCOUNTED }) }));
    fakeBridge.givenResolver('threat-model/story-counts', (payload) => {
      const asked = payload as { threatIds?: string[]; all?: true };
      return { ok: true, data: { counts: countsOf(asked.threatIds ?? UNCOUNTED.map((t) => t.id)) } };
    });
    const user = userEvent.setup();
    render(<ThreatModelTab />);
    await screen.findByRole('table', { name: 'Threats' });
    return user;
  }

  it('counts the stories of the threats on the page shown, a page at a time', async () => {
    const user = await renderUncounted();

    expect(await screen.findByRole('button', { name: '3 stories linked to T-3' })).toBeTruthy();
    expect(fakeBridge.invocationsOf('threat-model/story-counts')).toEqual([
      { functionKey: 'threat-model/story-counts', payload: { threatIds: ids(1, 50) } },
    ]);

    await user.click(pager().getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('button', { name: '3 stories linked to T-51' })).toBeTruthy();
    await user.click(pager().getByRole('button', { name: 'Previous' }));
    expect(fakeBridge.invocationsOf('threat-model/story-counts').map((c) => c.payload)).toEqual([
      { threatIds: ids(1, 50) },
      { threatIds: ids(51, 100) },
    ]);
  });

  it('counts every threat once a person sorts by stories', async () => {
    const user = await renderUncounted();
    await screen.findByRole('button', { name: '3 stories linked to T-3' });

    await user.click(screen.getByRole('button', { name: 'Stories' }));
    await user.click(screen.getByRole('button', { name: 'Stories' }));

    await waitFor(() => expect(threatIds()[0]).toBe('T-3'));
    expect(fakeBridge.invocationsOf('threat-model/story-counts').map((c) => c.payload)).toContainEqual({ all: true });
    expect(threatIds().slice(0, 3)).toEqual(['T-3', 'T-7', 'T-11']);
  }, 30_000);
});
