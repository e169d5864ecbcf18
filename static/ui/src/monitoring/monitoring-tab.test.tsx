import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fail, ok } from '../../../../src/domain/common/envelope';
import type { MonitoredEventChange } from '../../../../src/contract';
import { fakeBridge, hostBridge } from '../threat-model/test-support/host-bridge';
import { deferred } from '../test-support/fake-bridge';
import { atFrameWidth, WIDE } from '../test-support/frame-width';
import { MonitoringTab } from './monitoring-tab';
import { aMonitoredThreat, aMonitoringView, anEvent, SKIMMING } from './test-support/monitoring-view-mother';

afterEach(() => {
  hostBridge.reset();
  atFrameWidth(WIDE);
});

const created = (): MonitoredEventChange => ({
  threatId: 'T-13',
  event: {
    ...aMonitoredThreat('T-13').events[0]!,
    wiring: {
      mitigationId: 'M-9',
      title: 'Alert: Card numbers outside the payment provider',
      status: 'accepted',
      task: { id: '10040', key: 'PAY-41', statusName: 'To Do', categoryKey: 'new' },
    },
  },
});

describe('the monitoring tab', () => {
  it('lists each threat’s detection events with the signal to wire as code, and why the other threats have none', async () => {
    fakeBridge.answer('monitoring/get', () => ok(aMonitoringView()));
    render(<MonitoringTab />);

    const section = await screen.findByRole('region', { name: 'T-13 Card data disclosed in transit or at rest' });
    expect(within(section).getByText('High 15')).toBeTruthy();
    expect(within(section).getByText('From "Web applications and APIs" (WEB-I-01)')).toBeTruthy();
    const row = within(section).getByTestId('event-T-13-WEB-I-01-D1');
    expect(within(row).getByText('Card numbers outside the payment provider')).toBeTruthy();
    const signal = within(row).getByLabelText('Signal of WEB-I-01-D1');
    expect(signal.tagName).toBe('CODE');
    expect(signal.textContent).toBe(SKIMMING);
    expect(within(row).getByText('No task')).toBeTruthy();
    expect(screen.getByTestId('monitoring-summary').textContent).toMatch(/2 detection events, 0 with a task\.$/);

    const without = screen.getByRole('region', { name: 'Active threats without known detection events' });
    expect(without.textContent).toContain('Written by hand: no knowledge base names their detection events.');
    expect(within(without).getByTestId('without-events-T-1').textContent).toContain(
      'T-1 Card details skimmed (Critical 20)',
    );
    expect(within(without).getByRole('button', { name: 'Add detection event to T-1' })).toBeTruthy();
  });

  it('adds a detection event by hand to a threat that has none, naming its revision, and shows the answer', async () => {
    const base = aMonitoringView();
    fakeBridge.answer('monitoring/get', () => ok(base));
    const sent: unknown[] = [];
    const added = {
      ...aMonitoredThreat('T-1', { title: 'Card details skimmed', knowledgeBase: null, templateId: null, revision: 2 }),
      events: [
        anEvent('E-1', {
          title: 'Unknown script on checkout',
          signal: 'CSP violation reports for script-src',
          responder: 'On-call web engineer',
          origin: 'manual' as const,
        }),
      ],
    };
    fakeBridge.answer('monitoring/change-event', (payload) => {
      sent.push(payload);
      return ok({ ...base, threats: [...base.threats, added], withoutEvents: [] });
    });
    const user = userEvent.setup();
    render(<MonitoringTab />);

    await user.click(await screen.findByRole('button', { name: 'Add detection event to T-1' }));
    const form = screen.getByRole('form', { name: 'New detection event for T-1' });
    await user.click(within(form).getByRole('button', { name: 'Add event' }));
    expect(within(form).getByText('A detection event needs a title of at least 3 characters')).toBeTruthy();
    expect(sent).toEqual([]);

    await user.type(within(form).getByLabelText(/^Title/), 'Unknown script on checkout');
    await user.type(within(form).getByLabelText(/^Signal to log or alert on/), 'CSP violation reports for script-src');
    await user.type(within(form).getByLabelText('Who responds'), 'On-call web engineer');
    await user.click(within(form).getByRole('button', { name: 'Add event' }));

    const section = await screen.findByRole('region', { name: 'T-1 Card details skimmed' });
    expect(within(section).getByText('Events written by hand')).toBeTruthy();
    expect(within(section).getByText('On-call web engineer')).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Edit E-1: Unknown script on checkout' })).toBeTruthy();
    expect(within(section).queryByRole('button', { name: /^Create task/ })).toBeNull();
    expect(sent).toEqual([
      {
        kind: 'add',
        threatId: 'T-1',
        baseRevision: 1,
        draft: {
          title: 'Unknown script on checkout',
          signal: 'CSP violation reports for script-src',
          threshold: '',
          responder: 'On-call web engineer',
          firstSteps: '',
        },
      },
    ]);
  });

  it('creates the task of an event: busy while it runs, then the task and its status in place of the button', async () => {
    fakeBridge.answer('monitoring/get', () => ok(aMonitoringView()));
    const answer = deferred<ReturnType<typeof ok<MonitoredEventChange>>>();
    fakeBridge.answer('monitoring/create-task', () => answer.promise);
    const user = userEvent.setup();
    render(<MonitoringTab />);

    const button = await screen.findByRole('button', {
      name: 'Create task for WEB-I-01-D1: Card numbers outside the payment provider',
    });
    button.focus();
    await user.keyboard('{Enter}');
    await user.keyboard('{Enter}');
    const busy = screen.getByRole('button', {
      name: 'Create task for WEB-I-01-D1: Card numbers outside the payment provider',
    }) as HTMLButtonElement;
    expect(busy.textContent).toBe('Creating task…');
    expect(busy.disabled).toBe(true);
    expect(fakeBridge.payloadsOf('monitoring/create-task')).toEqual([{ threatId: 'T-13', eventId: 'WEB-I-01-D1' }]);

    answer.resolve(ok(created()));
    const row = screen.getByTestId('event-T-13-WEB-I-01-D1');
    await within(row).findByRole('link', { name: 'PAY-41' });
    expect(within(row).getByText('To Do')).toBeTruthy();
    expect(within(row).getByText('Accepted')).toBeTruthy();
    expect(within(row).queryByRole('button')).toBeNull();
    expect(screen.getByTestId('monitoring-summary').textContent).toMatch(/2 detection events, 1 with a task\.$/);
    expect(
      within(screen.getByTestId('event-T-13-WEB-I-01-D2')).getByRole('button', {
        name: /^Create task for WEB-I-01-D2/,
      }),
    ).toBeTruthy();
    expect(hostBridge.callsOf('showFlag')).toEqual([
      expect.objectContaining({
        title: 'PAY-41 created',
        description: 'The alert for T-13: Card numbers outside the payment provider',
        type: 'success',
      }),
    ]);
  });

  it('shows why a task could not be created next to the event, and lets the person try again', async () => {
    fakeBridge.answer('monitoring/get', () => ok(aMonitoringView()));
    fakeBridge.answer('monitoring/create-task', () => fail('FORBIDDEN', "You can't create tasks in PAY."));
    render(<MonitoringTab />);
    await userEvent.click(await screen.findByRole('button', { name: /^Create task for WEB-I-01-D2/ }));
    const row = screen.getByTestId('event-T-13-WEB-I-01-D2');
    expect((await within(row).findByRole('alert')).textContent).toBe("You can't create tasks in PAY.");
    expect(
      (within(row).getByRole('button', { name: /^Create task for WEB-I-01-D2/ }) as HTMLButtonElement).disabled,
    ).toBe(false);
    expect(within(screen.getByTestId('event-T-13-WEB-I-01-D1')).queryByRole('alert')).toBeNull();
  });

  it('shows people who may not edit the threat model the tasks, without the button, and why', async () => {
    const threat = aMonitoredThreat('T-13');
    const withTask = { ...threat, events: [created().event, threat.events[1]!] };
    fakeBridge.answer('monitoring/get', () =>
      ok(aMonitoringView({ threats: [withTask], canEdit: false, canCreateTasks: false })),
    );
    render(<MonitoringTab />);
    expect(await screen.findByRole('link', { name: 'PAY-41' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Create task/ })).toBeNull();
    expect(
      screen.getByText(
        /^Read only: adding an event or creating a task changes the threat model\. Project administrators/,
      ),
    ).toBeTruthy();
  });

  it('says where detection events come from when no threat has any, and offers a retry when loading fails', async () => {
    fakeBridge.answer('monitoring/get', () => ok(aMonitoringView({ threats: [] })));
    const { unmount } = render(<MonitoringTab />);
    expect(await screen.findByText('No detection events yet')).toBeTruthy();
    expect(screen.getByText(/or add them by hand to any threat below/)).toBeTruthy();
    unmount();

    let calls = 0;
    fakeBridge.answer('monitoring/get', () =>
      ++calls === 1
        ? fail('JIRA_UNAVAILABLE', 'Jira did not answer properly. Try again in a moment.')
        : ok(aMonitoringView()),
    );
    render(<MonitoringTab />);
    expect(await screen.findByText('Could not load the monitoring view')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('region', { name: /^T-13 / })).toBeTruthy());
  });

  it('in a narrow frame puts each event’s task under its signal, and brings the Task column back when it grows', async () => {
    atFrameWidth(560);
    fakeBridge.answer('monitoring/get', () => ok(aMonitoringView()));
    render(<MonitoringTab />);
    const table = await screen.findByRole('table', { name: 'Detection events of T-13' });
    const heads = () =>
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent);
    expect(heads()).toEqual(['Detection event', 'Signal to wire, and task']);
    const cells = within(screen.getByTestId('event-T-13-WEB-I-01-D1')).getAllByRole('cell');
    expect(cells).toHaveLength(2);
    expect(within(cells[1]!).getByLabelText('Signal of WEB-I-01-D1')).toBeTruthy();
    expect(within(cells[1]!).getByRole('button', { name: /^Create task for WEB-I-01-D1/ })).toBeTruthy();

    atFrameWidth(WIDE);
    expect(heads()).toEqual(['Detection event', 'Signal to wire (log or metric, and when to alert)', 'Task']);
    expect(within(screen.getByTestId('event-T-13-WEB-I-01-D1')).getAllByRole('cell')).toHaveLength(3);
  });
});
