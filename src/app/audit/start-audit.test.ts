import type { LocalSite } from '../../../local/site/server';
import { siteClient } from '../../../test/support/jira-clients';
import { startTestSite } from '../../../test/support/local-site';
import { AppError } from '../../domain/common/app-error';
import type { JiraClients } from '../common/jira-clients';
import type { AuditEvent, AuditQueue } from './audit-queue';
import { startAudit } from './start-audit';

// The use case outside Forge, as the CLI or a trigger would call it: its clients and its queue
// are passed in, so a queue that records (or refuses) stands in for Forge's.

const ALICE = '712020:alice';

const recordingQueue = (): AuditQueue & { pushed: AuditEvent[] } => {
  const pushed: AuditEvent[] = [];
  return { pushed, push: async (event) => void pushed.push(event) };
};

describe('starting an audit', () => {
  let site: LocalSite;
  let jira: JiraClients;
  beforeEach(async () => {
    site = await startTestSite({ demo: true });
    jira = { user: siteClient(site, ALICE), app: siteClient(site) };
  });
  afterEach(() => site.close());

  it('queues one run, and none while it is under way', async () => {
    const queue = recordingQueue();
    const first = await startAudit(jira, queue, 'PAY', ALICE);
    expect(first.run.state).toBe('queued');
    expect(queue.pushed).toEqual([{ projectKey: 'PAY', runId: expect.any(String), requestedBy: ALICE }]);
    const again = await startAudit(jira, queue, 'PAY', ALICE);
    expect(again.run).toEqual(first.run);
    expect(queue.pushed).toHaveLength(1);
  });

  it('marks the run failed when the queue does not take it, so the next one is not blocked', async () => {
    const refusing: AuditQueue = {
      push: () => Promise.reject(new Error('rate limited')),
    };
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(startAudit(jira, refusing, 'PAY', ALICE)).rejects.toEqual(
      new AppError(
        'JIRA_UNAVAILABLE',
        'The audit could not be started: Forge did not take the job. Try again in a moment.',
      ),
    );
    const queue = recordingQueue();
    await startAudit(jira, queue, 'PAY', ALICE);
    expect(queue.pushed).toHaveLength(1);
  });
});
