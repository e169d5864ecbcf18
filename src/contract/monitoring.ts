import { z } from 'zod';
import type { MonitoredEventChange, MonitoringView } from '../domain/monitoring/monitoring-view';
import { ThreatId } from '../domain/story/without-clause';
import { endpoint, NoPayload } from './endpoint';

export type { MonitoredEventChange, MonitoringView };

/** The monitoring view's "Create task": the detective mitigation that wires the event, then its task. */
export const MonitoringCreateTask = z.object({ threatId: ThreatId, eventId: z.string().trim().min(1).max(80) });
export type MonitoringCreateTask = z.infer<typeof MonitoringCreateTask>;

export const monitoringEndpoints = {
  'monitoring/get': endpoint<MonitoringView>()(NoPayload),
  'monitoring/create-task': endpoint<MonitoredEventChange>()(MonitoringCreateTask),
};
