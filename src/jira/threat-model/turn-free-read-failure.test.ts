import type { LocalSite } from '../../../local/site/server';
import { hookedAppClient } from '../../../test/support/hooked-client';
import { siteClient } from '../../../test/support/jira-clients';
import { startTestSite } from '../../../test/support/local-site';
import type { TransportResponse } from '../client/transport';
import { lockKey } from './model-locks';
import { modelTurnFree, readThreatModel } from './threat-model-repository';

// A queued threat edit polls whether the model's turn is free. When the poll's read did not ask
// for the current step's lock, the lock is read on its own, once, with no retries: a 429 there
// used to escape as the edit's answer (RATE_LIMITED) while a holder could be storing that very
// edit from the queue. Failing for the moment, the turn is "not known free": the writer polls again.

const answer = (status: number): TransportResponse => ({
  status,
  headers: { get: (name) => (status === 429 && name.toLowerCase() === 'retry-after' ? '1' : null) },
  text: async () => JSON.stringify({ errorMessages: ['Rate limit exceeded.'], errors: {} }),
});

describe('whether the model’s turn is free, when the lock’s own read fails', () => {
  let site: LocalSite;
  beforeAll(async () => (site = await startTestSite({ demo: true })));
  afterAll(() => site.close());

  it.each([429, 500])('answered %i: not known free, and nothing thrown', async (status) => {
    const stored = await readThreatModel(siteClient(site), 'PAY');
    const path = `/rest/api/3/project/PAY/properties/${lockKey(stored.metaRevision)}`;
    let reads = 0;
    const app = hookedAppClient(site, (p, req, phase) =>
      phase === 'before' && p === path && req.method === 'GET' ? (reads++, answer(status)) : undefined,
    );
    await expect(modelTurnFree(app, 'PAY', stored, Date.now())).resolves.toBe(false);
    expect(reads).toBe(1);
    // Answered, the same read finds the turn free.
    await expect(modelTurnFree(siteClient(site), 'PAY', stored, Date.now())).resolves.toBe(true);
  });
});
