import type Resolver from '@forge/resolver';
import { createDetectionTask } from '../../app/monitoring/create-detection-task';
import { changeDetectionEvent } from '../../app/monitoring/change-detection-event';
import { exportMonitoring } from '../../app/monitoring/export-monitoring';
import { monitoringView } from '../../app/monitoring/monitoring-view';
import { callClients } from '../call-clients';
import { projectKeyOf } from '../context-project';
import { defineResolver } from '../define-resolver';

// The monitoring view: the detection events of the active threats, and "Create task" for one,
// which adds the detective mitigation that wires it and creates that mitigation's task.
export function registerMonitoringResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'monitoring/get', ({ context }) =>
    monitoringView(callClients(), projectKeyOf(context), context.accountId),
  );

  defineResolver(resolver, 'monitoring/create-task', ({ payload, context }) =>
    createDetectionTask(callClients(), projectKeyOf(context), context.accountId, payload),
  );

  defineResolver(resolver, 'monitoring/change-event', ({ payload, context }) =>
    changeDetectionEvent(callClients(), projectKeyOf(context), context.accountId, payload),
  );

  defineResolver(resolver, 'monitoring/export', ({ payload, context }) =>
    exportMonitoring(callClients(), projectKeyOf(context), payload.format),
  );
}
