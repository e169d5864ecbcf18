import { act, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { fail, ok, type Envelope } from '../../../../src/domain/common/envelope';
import type { SprintChoice } from '../../../../src/domain/resolver-contract';
import { deferred, fakeBridge } from '../test-support/fake-bridge';
import { useResolverView, type ResolverView } from './use-resolver-view';

afterEach(() => fakeBridge.reset());

type Sprints = SprintChoice[];
const sprint = (id: number): SprintChoice => ({ id, name: `Sprint ${id}`, state: 'active', boardName: 'PAY board' });

let latest: ResolverView<Sprints>;

/** Shows the state of `sprint/list` as text, and keeps the hook's functions for the test. */
function Probe({ label }: { label: string }) {
  const view = useResolverView('sprint/list', {});
  latest = view;
  const { state } = view;
  return (
    <p aria-label={label}>
      {state.status === 'ready'
        ? state.view.map((s) => s.name).join(', ')
        : state.status === 'error'
          ? `error: ${state.error.message}`
          : 'loading'}
    </p>
  );
}

const shown = () => screen.getByLabelText('sprints').textContent;

describe('useResolverView', () => {
  it('shows loading, then the view; a failed first read shows the error, and a retry the view', async () => {
    fakeBridge.answer('sprint/list', () => fail('JIRA_UNAVAILABLE', 'Jira did not answer.'));
    render(<Probe label="sprints" />);
    expect(shown()).toBe('loading');
    await waitFor(() => expect(shown()).toBe('error: Jira did not answer.'));

    fakeBridge.answer('sprint/list', () => ok([sprint(1)]));
    await act(() => latest.load());
    expect(shown()).toBe('Sprint 1');
  });

  it('keeps the view on screen while it is read again, and when that read fails', async () => {
    fakeBridge.answer('sprint/list', () => ok([sprint(1)]));
    render(<Probe label="sprints" />);
    await waitFor(() => expect(shown()).toBe('Sprint 1'));

    const slow = deferred<Envelope<Sprints>>();
    fakeBridge.answer('sprint/list', () => slow.promise);
    let reload!: Promise<Envelope<Sprints>>;
    act(() => {
      reload = latest.load();
    });
    expect(shown()).toBe('Sprint 1');
    await act(async () => slow.resolve(fail('RATE_LIMITED', 'Jira asked to slow down.')));
    expect((await reload).ok).toBe(false);
    expect(shown()).toBe('Sprint 1');
  });

  it('never lets a read that started earlier replace a view an action showed since', async () => {
    fakeBridge.answer('sprint/list', () => ok([sprint(1)]));
    render(<Probe label="sprints" />);
    await waitFor(() => expect(shown()).toBe('Sprint 1'));

    const stale = deferred<Envelope<Sprints>>();
    fakeBridge.answer('sprint/list', () => stale.promise);
    act(() => void latest.load());
    act(() => latest.show([sprint(2)]));
    await act(async () => stale.resolve(ok([sprint(1)])));
    expect(shown()).toBe('Sprint 2');
  });

  it('answers whether a change claimed before a newer read is still the newest', async () => {
    fakeBridge.answer('sprint/list', () => ok([sprint(1)]));
    render(<Probe label="sprints" />);
    await waitFor(() => expect(shown()).toBe('Sprint 1'));

    const isNewest = latest.claim();
    expect(isNewest()).toBe(true);
    await act(() => latest.load());
    expect(isNewest()).toBe(false);
  });

  it('reads once per payload value, not once per render', async () => {
    fakeBridge.answer('sprint/list', () => ok([sprint(1)]));
    function Rerendering() {
      const [n, setN] = useState(0);
      return (
        <>
          <Probe label="sprints" />
          <button onClick={() => setN(n + 1)}>render {n}</button>
        </>
      );
    }
    render(<Rerendering />);
    await waitFor(() => expect(shown()).toBe('Sprint 1'));
    act(() => screen.getByRole('button').click());
    act(() => screen.getByRole('button').click());
    expect(screen.getByRole('button').textContent).toBe('render 2');
    expect(fakeBridge.invocationsOf('sprint/list')).toHaveLength(1);
  });

  it('sets nothing once the component is gone', async () => {
    const slow = deferred<Envelope<Sprints>>();
    fakeBridge.answer('sprint/list', () => slow.promise);
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { unmount } = render(<Probe label="sprints" />);
    const claimed = latest.claim();
    unmount();
    await act(async () => slow.resolve(ok([sprint(1)])));
    expect(claimed()).toBe(false);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});
