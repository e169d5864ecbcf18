import { useCallback, useRef, useState } from 'react';
import type { DetectionEventEdit, MonitoredEventChange, MonitoringView } from '../../../../src/contract';
import { callResolver } from '../api/invoke-resolver';
import { useResolverView } from '../common/use-resolver-view';
import { showSuccessFlag } from '../common/success-flag';

export const eventKey = (threatId: string, eventId: string) => `${threatId}/${eventId}`;

/** The view with one event's new wiring, and the count of events with a task to match. */
function withEvent(view: MonitoringView, { threatId, event }: MonitoredEventChange): MonitoringView {
  const threats = view.threats.map((t) =>
    t.id === threatId ? { ...t, events: t.events.map((e) => (e.id === event.id ? event : e)) } : t,
  );
  const withTask = threats.flatMap((t) => t.events).filter((e) => e.wiring?.task).length;
  return { ...view, threats, counts: { ...view.counts, withTask } };
}

/** The monitoring tab's state, and "Create task": one request per event at a time, however often it is pressed. */
export function useMonitoring() {
  const { state, load, update, apply } = useResolverView('monitoring/get', {});
  // The ref answers at once; the state, which disables the button, only after a render.
  const runningRef = useRef(new Set<string>());
  const [running, setRunning] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});

  const createTask = useCallback(
    async (threatId: string, eventId: string) => {
      const key = eventKey(threatId, eventId);
      if (runningRef.current.has(key)) return;
      runningRef.current.add(key);
      setRunning(new Set(runningRef.current));
      setErrors(({ [key]: _previous, ...rest }) => rest);
      const envelope = await callResolver('monitoring/create-task', { threatId, eventId });
      runningRef.current.delete(key);
      setRunning(new Set(runningRef.current));
      if (!envelope.ok) {
        setErrors((current) => ({ ...current, [key]: envelope.error.message }));
        return;
      }
      update((current) => withEvent(current, envelope.data));
      const { event } = envelope.data;
      showSuccessFlag(`${event.wiring?.task?.key ?? 'Task'} created`, `The alert for ${threatId}: ${event.title}`);
    },
    [update],
  );

  /** Adds, changes or removes an event written by hand; resolves to an error to show, or undefined. */
  const changeEvent = useCallback(
    async (edit: DetectionEventEdit): Promise<string | undefined> => {
      const envelope = await apply(() => callResolver('monitoring/change-event', edit));
      return envelope.ok ? undefined : envelope.error.message;
    },
    [apply],
  );

  return {
    state,
    reload: load,
    changeEvent,
    running,
    errors,
    createTask: (threatId: string, eventId: string) => void createTask(threatId, eventId),
  };
}
