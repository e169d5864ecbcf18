import { Queue } from '@forge/events';
import { DAILY_RISK_QUEUE, DailyRiskContinuation, recordDailyRisk } from '../app/threat-model/record-daily-risk';
import { appClient } from '../jira/client/clients';
import { invocationRemainingMs } from '../jira/client/remaining-time';
import { nowIso } from '../app/common/clock';

// The daily risk point (src/app/threat-model/record-daily-risk.ts): the scheduled trigger
// starts the day; the same function consumes the without-daily-risk queue, each event its own
// invocation with its own time, until every project has its point.

/**
 * The scheduled trigger (manifest: scheduledTrigger daily-risk) and the consumer of its queue: a
 * scheduled run starts the day from the first project; an AsyncEvent carries where to go on.
 */
export async function onDailyRisk(event?: unknown): Promise<void> {
  const body = (event as { body?: unknown } | undefined)?.body;
  const continuation = body === undefined ? undefined : DailyRiskContinuation.safeParse(body);
  if (continuation && !continuation.success) {
    console.error('without-daily-risk: an event that is not a continuation was ignored');
    return;
  }
  const { recorded, continuedFrom } = await recordDailyRisk({
    app: appClient(),
    now: continuation?.data.now ?? nowIso(),
    ...(continuation ? { startAt: continuation.data.startAt } : {}),
    remainingMs: invocationRemainingMs,
    continueLater: async (next) => {
      await new Queue({ key: DAILY_RISK_QUEUE }).push([{ body: next }]);
    },
  });
  if (continuedFrom !== undefined)
    console.log(
      `without-daily-risk: ${recorded.length} points recorded, the rest goes on after the first ${continuedFrom} projects`,
    );
}
