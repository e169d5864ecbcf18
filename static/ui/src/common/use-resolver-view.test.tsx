import { act, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { fail, ok, type Envelope } from '../../../../src/domain/common/envelope';
import type { SprintChoice } from '../../../../src/contract';
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

  it('never lets an older read arriving after a newer change replace the change’s answer', async () => {
    fakeBridge.answer('sprint/list', () => ok([sprint(1)]));
    render(<Probe label="sprints" />);
    await waitFor(() => expect(shown()).toBe('Sprint 1'));

    const stale = deferred<Envelope<Sprints>>();
    fakeBridge.answer('sprint/list', () => stale.promise);
    act(() => void latest.load());
    await act(() => latest.apply(async () => ok([sprint(2)])));
    expect(shown()).toBe('Sprint 2');
    await act(async () => stale.resolve(ok([sprint(1)])));
    expect(shown()).toBe('Sprint 2');
  });

  it('never shows a read that started while a change was under way, and shows the change’s answer', async () => {
    fakeBridge.answer('sprint/list', () => ok([sprint(1)]));
    render(<Probe label="sprints" />);
    await waitFor(() => expect(shown()).toBe('Sprint 1'));

    const saving = deferred<Envelope<Sprints>>();
    let change!: Promise<Envelope<Sprints>>;
    act(() => {
      change = latest.apply(() => saving.promise);
    });
    expect(latest.isBusy()).toBe(true);
    // The read may have seen the value before the change: its answer is returned, not shown.
    fakeBridge.answer('sprint/list', () => ok([sprint(3)]));
    const read = await act(() => latest.load());
    expect(read.ok).toBe(true);
    expect(shown()).toBe('Sprint 1');

    await act(async () => saving.resolve(ok([sprint(2)])));
    expect((await change).ok).toBe(true);
    expect(shown()).toBe('Sprint 2');
    expect(latest.current()).toEqual([sprint(2)]);
    expect(latest.isBusy()).toBe(false);
  });

  it('never lets an older change’s answer replace a newer change’s, and keeps the view when a change fails', async () => {
    fakeBridge.answer('sprint/list', () => ok([sprint(1)]));
    render(<Probe label="sprints" />);
    await waitFor(() => expect(shown()).toBe('Sprint 1'));

    const slow = deferred<Envelope<Sprints>>();
    act(() => void latest.apply(() => slow.promise));
    await act(() => latest.apply(async () => ok([sprint(3)])));
    expect(shown()).toBe('Sprint 3');
    await act(async () => slow.resolve(ok([sprint(2)])));
    expect(shown()).toBe('Sprint 3');

    const failed = await act(() => latest.apply(async () => fail('CONFLICT', 'Someone else changed it.')));
    expect(failed.ok).toBe(false);
    expect(shown()).toBe('Sprint 3');
  });

  it('puts the answer of a change to one item into the view on screen', async () => {
    fakeBridge.answer('sprint/list', () => ok([sprint(1), sprint(2)]));
    render(<Probe label="sprints" />);
    await waitFor(() => expect(shown()).toBe('Sprint 1, Sprint 2'));

    const renamed = { ...sprint(2), name: 'Sprint 2 (renamed)' };
    const stale = deferred<Envelope<Sprints>>();
    fakeBridge.answer('sprint/list', () => stale.promise);
    act(() => void latest.load());
    await act(() =>
      latest.applyInto(
        async () => ok(renamed),
        (view, answer) => view.map((s) => (s.id === answer.id ? answer : s)),
      ),
    );
    expect(shown()).toBe('Sprint 1, Sprint 2 (renamed)');
    await act(async () => stale.resolve(ok([sprint(1), sprint(2)])));
    expect(shown()).toBe('Sprint 1, Sprint 2 (renamed)');
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
