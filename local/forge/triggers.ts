import type { LocalSite } from '../site/server';
import type { SiteEvent } from '../site/http';
import { APP_ACCOUNT_ID } from '../site/base-data';
import type { LoadedManifest } from './manifest';
import type { createInvoker } from './invoke';
import { backgroundWork, consumeQueues } from './runtime';

// Product events from the local site, delivered to the manifest's triggers with the names
// and shapes Forge uses (avi:jira:updated:issue …), after the request that caused them.
const FORGE_EVENT: Record<SiteEvent['type'], string> = {
  issue_created: 'avi:jira:created:issue',
  issue_updated: 'avi:jira:updated:issue',
  issue_deleted: 'avi:jira:deleted:issue',
  issuelink_created: 'avi:jira:created:issuelink',
  sprint_started: 'avi:jira:started:sprint',
  sprint_closed: 'avi:jira:closed:sprint',
};

function forgeEvent(site: LocalSite, event: SiteEvent): Record<string, unknown> {
  const base = {
    eventType: FORGE_EVENT[event.type],
    atlassianId: event.actorAccountId === APP_ACCOUNT_ID ? undefined : event.actorAccountId,
    selfGenerated: event.actorAccountId === APP_ACCOUNT_ID,
  };
  if ('issueId' in event) {
    const issue = site.store.get('issue', event.issueId);
    const project = issue ? site.store.get('project', issue.projectId) : undefined;
    return {
      ...base,
      issue: {
        id: String(event.issueId),
        key: issue?.key,
        fields: {
          summary: issue?.summary,
          project: project ? { id: String(project.id), key: project.key } : undefined,
        },
      },
      changelog: { items: event.changedFields.map((field) => ({ field, fieldId: field })) },
    };
  }
  if ('sprintId' in event) return { ...base, sprint: { id: event.sprintId } };
  return { ...base, issueLink: { id: event.linkId } };
}

export function deliverSiteEvents(
  site: LocalSite,
  manifest: LoadedManifest,
  invoker: ReturnType<typeof createInvoker>,
) {
  const work = backgroundWork();
  site.events.on('event', (event) => {
    const name = FORGE_EVENT[event.type];
    for (const trigger of manifest.manifest.modules.trigger) {
      if (!trigger.events.includes(name)) continue;
      const ignoreSelf = (trigger as { filter?: { ignoreSelf?: boolean } }).filter?.ignoreSelf === true;
      if (ignoreSelf && event.actorAccountId === APP_ACCOUNT_ID) continue;
      const forge = forgeEvent(site, event);
      work.start(`trigger ${trigger.key}`, () => invoker.trigger(trigger.function, forge));
    }
  });
  // Async events: Queue.push reaches the runtime, which hands them here; each consumer of the
  // queue runs them as the app after the pushing call has answered, as on Forge.
  consumeQueues(work, (event) =>
    Promise.all(
      manifest.manifest.modules.consumer
        .filter((c) => c.queue === event.queueName)
        .map((c) => invoker.consume(c.function, event)),
    ),
  );
  return { idle: work.idle };
}
