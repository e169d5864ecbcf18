import { act, screen, waitFor } from '@testing-library/react';
import type { Envelope } from '../../../../../src/domain/common/envelope';
import { fakeBridge } from '../../test-support/fake-bridge';
import { asIndexView, threatsPage, type ThreatModelFixture } from './threat-model-mother';

type Served = Envelope<ThreatModelFixture> | undefined;

/**
 * Serves a threat model as the backend would: `threat-model/get` answers its index,
 * `threat-model/threats` pages of its full rows, `threat-model/story-counts` the stories its rows
 * say. `read` answers each read of the model (a sequence, a deferred answer); pages are read from
 * the model the last read answered.
 */
export function serveThreatModel(read: () => Served | Promise<Served>, current?: ThreatModelFixture): void {
  let latest: ThreatModelFixture | undefined;
  fakeBridge.givenResolver('threat-model/get', async () => {
    const envelope = await read();
    if (!envelope?.ok) return envelope;
    latest = envelope.data;
    return { ok: true, data: asIndexView(envelope.data) };
  });
  // A model given once is what the backend has from the start; a sequence has what it last answered.
  const stored = () => current ?? latest;
  fakeBridge.answer('threat-model/threats', ({ ids }) =>
    stored()
      ? { ok: true, data: threatsPage(stored()!, ids) }
      : { ok: false, error: { code: 'NOT_FOUND', message: 'No threat model was read yet.' } },
  );
  fakeBridge.answer('threat-model/story-counts', (payload) => {
    const threats = stored()?.threats ?? [];
    const asked = 'all' in payload ? threats : threats.filter((t) => payload.threatIds.includes(t.id));
    return { ok: true, data: { counts: Object.fromEntries(asked.map((t) => [t.id, t.storyCount ?? 0])) } };
  });
}

/** Serves one threat model on every read, and its pages from the start (see serveThreatModel). */
export function givenThreatModel(model: ThreatModelFixture): void {
  serveThreatModel(() => ({ ok: true, data: model }), model);
}

/**
 * Waits until the page shown is read in full, as the tab reads it after the index: its stories
 * counted and its full rows (descriptions, mitigations) in.
 */
export async function pageReadInFull(): Promise<void> {
  await waitFor(() => {
    expect(fakeBridge.invocationsOf('threat-model/threats').length).toBeGreaterThan(0);
    expect(screen.queryAllByLabelText(/^Counting the stories/)).toHaveLength(0);
  });
  // The answers' renders.
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}
