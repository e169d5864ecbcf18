import { z } from 'zod';
import type { MonitoredEventChange, MonitoringView } from '../domain/monitoring/monitoring-view';
import { ThreatId } from '../domain/story/without-clause';
import { DetectionEventDraft, ManualEventId } from '../domain/monitoring/detection-event';
import type { MonitoringSpec } from '../domain/monitoring/monitoring-spec';
import { endpoint, NoPayload } from './endpoint';

export type { MonitoredEventChange, MonitoringSpec, MonitoringView };

/** The monitoring view's "Create task": the detective mitigation that wires the event, then its task. */
export const MonitoringCreateTask = z.object({ threatId: ThreatId, eventId: z.string().trim().min(1).max(80) });
export type MonitoringCreateTask = z.infer<typeof MonitoringCreateTask>;

/** Adding, changing or removing a detection event written by hand; each names the threat's revision. */
const Base = { threatId: ThreatId, baseRevision: z.number().int().min(1) };
export const DetectionEventEdit = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('add'), ...Base, draft: DetectionEventDraft }),
  z.object({ kind: z.literal('edit'), ...Base, eventId: ManualEventId, draft: DetectionEventDraft }),
  z.object({ kind: z.literal('remove'), ...Base, eventId: ManualEventId }),
]);
export type DetectionEventEdit = z.input<typeof DetectionEventEdit>;

export const MonitoringExport = z.object({ format: z.enum(['json', 'md']) });
export type MonitoringExport = z.infer<typeof MonitoringExport>;

/** A file to download: its name, type and text. */
export interface MonitoringExportFile {
  fileName: string;
  mediaType: string;
  content: string;
}

export const monitoringEndpoints = {
  'monitoring/get': endpoint<MonitoringView>()(NoPayload),
  'monitoring/create-task': endpoint<MonitoredEventChange>()(MonitoringCreateTask),
  'monitoring/change-event': endpoint<MonitoringView>()(DetectionEventEdit),
  'monitoring/export': endpoint<MonitoringExportFile>()(MonitoringExport),
};
