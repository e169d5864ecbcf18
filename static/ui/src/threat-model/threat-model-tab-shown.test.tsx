import { fakeBridge, hostBridge } from './test-support/host-bridge';
import { act, render, screen } from '@testing-library/react';
import { atFrameWidth, WIDE } from '../test-support/frame-width';
import { REFRESH_MS, ThreatModelTab } from './threat-model-tab';
import { aThreatModel, aThreatRow } from './test-support/threat-model-mother';
import { serveThreatModel } from './test-support/given-threat-model';

// The project page keeps a visited tab mounted but hidden: the Threat model tab asks nothing
// while another tab is shown, and asks once as soon as it is shown again.
afterEach(() => {
  jest.useRealTimers();
  hostBridge.reset();
});

it('asks nothing while hidden, and whether anything changed as soon as it is shown again', async () => {
  jest.useFakeTimers();
  atFrameWidth(WIDE);
  serveThreatModel(() => ({ ok: true, data: aThreatModel({ threats: [aThreatRow()] }) }));
  fakeBridge.answer('threat-model/changes', () => ({ ok: true, data: { changed: false } }));
  const tick = (ms: number) =>
    act(async () => {
      await jest.advanceTimersByTimeAsync(ms);
    });
  const { rerender } = render(<ThreatModelTab shown />);
  await tick(0);
  expect(screen.getByRole('table')).toBeTruthy();

  rerender(<ThreatModelTab shown={false} />);
  await tick(REFRESH_MS * 3);
  expect(fakeBridge.invocationsOf('threat-model/changes')).toHaveLength(0);

  rerender(<ThreatModelTab shown />);
  await tick(0);
  expect(fakeBridge.invocationsOf('threat-model/changes')).toHaveLength(1);
  expect(fakeBridge.invocationsOf('threat-model/get')).toHaveLength(1);
});
