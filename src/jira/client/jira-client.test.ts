import { z } from 'zod';
import { JiraClient } from './jira-client';
import type { JiraTransport, TransportResponse } from './transport';

// A scripted Jira: answers the queued responses in order and records what was asked.
function scriptedJira(answers: Array<{ status: number; body?: unknown; headers?: Record<string, string> } | Error>) {
  const asked: string[] = [];
  const transport: JiraTransport = {
    send: async (path, request) => {
      asked.push(`${request.method} ${path}`);
      const next = answers.shift();
      if (!next) throw new Error('no more answers scripted');
      if (next instanceof Error) throw next;
      const response: TransportResponse = {
        status: next.status,
        headers: { get: (name) => next.headers?.[name.toLowerCase()] ?? null },
        text: async () =>
          next.body === undefined ? '' : typeof next.body === 'string' ? next.body : JSON.stringify(next.body),
      };
      return response;
    },
  };
  return { transport, asked };
}

const waitsOf = () => {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
};

describe('JiraClient', () => {
  const Thing = z.object({ name: z.string() });

  it('returns the parsed answer', async () => {
    const { transport } = scriptedJira([{ status: 200, body: { name: 'PAY', extra: 1 } }]);
    await expect(new JiraClient(transport).get('/rest/x', Thing)).resolves.toEqual({ name: 'PAY' });
  });

  it('turns an answer of the wrong shape into INVALID_RESPONSE, naming the field', async () => {
    const { transport } = scriptedJira([{ status: 200, body: { name: 42 } }]);
    await expect(new JiraClient(transport).get('/rest/x', Thing)).rejects.toMatchObject({
      kind: 'INVALID_RESPONSE',
      message: expect.stringContaining('name'),
    });
  });

  it('turns a body that is not JSON into INVALID_RESPONSE', async () => {
    const { transport } = scriptedJira([{ status: 200, body: '<html>login</html>' }]);
    await expect(new JiraClient(transport).get('/rest/x', Thing)).rejects.toMatchObject({ kind: 'INVALID_RESPONSE' });
  });

  it.each([
    [400, 'BAD_REQUEST'],
    [401, 'UNAUTHORIZED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [409, 'CONFLICT'],
  ])('maps %i to %s with Jira’s own messages', async (status, kind) => {
    const { transport } = scriptedJira([
      { status, body: { errorMessages: ['Nope.'], errors: { summary: 'Too long' } } },
    ]);
    await expect(new JiraClient(transport).get('/rest/x', Thing)).rejects.toMatchObject({
      kind,
      status,
      details: ['Nope.', 'summary: Too long'],
    });
  });

  it('waits as long as Retry-After says, then succeeds', async () => {
    const { transport, asked } = scriptedJira([
      { status: 429, headers: { 'retry-after': '3' } },
      { status: 503, headers: { 'retry-after': '1' } },
      { status: 200, body: { name: 'ok' } },
    ]);
    const { waits, sleep } = waitsOf();
    const client = new JiraClient(transport, { sleep });
    await expect(client.get('/rest/x', Thing)).resolves.toEqual({ name: 'ok' });
    expect(waits).toEqual([3000, 1000]);
    expect(asked).toHaveLength(3);
    expect(client.stats).toEqual({ requests: 3, retries: 2, waitedMs: 4000 });
  });

  it('backs off exponentially when Jira gives no Retry-After', async () => {
    const { transport } = scriptedJira([{ status: 429 }, { status: 429 }, { status: 200, body: { name: 'ok' } }]);
    const { waits, sleep } = waitsOf();
    await new JiraClient(transport, { sleep, retry: { baseDelayMs: 100 } }).get('/rest/x', Thing);
    expect(waits).toEqual([100, 200]);
  });

  it('fails fast when Retry-After is longer than a resolver can wait', async () => {
    const { transport, asked } = scriptedJira([{ status: 429, headers: { 'retry-after': '60' } }]);
    const { waits, sleep } = waitsOf();
    await expect(new JiraClient(transport, { sleep }).get('/rest/x', Thing)).rejects.toMatchObject({
      kind: 'RATE_LIMITED',
    });
    expect(waits).toEqual([]);
    expect(asked).toHaveLength(1);
  });

  it('shares one retry budget across all requests of the client', async () => {
    const { transport } = scriptedJira(
      Array.from({ length: 10 }, () => ({ status: 429, headers: { 'retry-after': '0' } })),
    );
    const client = new JiraClient(transport, {
      sleep: waitsOf().sleep,
      retry: { totalRetryBudget: 3, maxAttempts: 10 },
    });
    await expect(client.get('/rest/a', Thing)).rejects.toMatchObject({ kind: 'RATE_LIMITED' });
    expect(client.stats.retries).toBe(3);
    expect(client.stats.requests).toBe(4);
  });

  it('never repeats a POST that failed with 500, but repeats a read-only one', async () => {
    const create = scriptedJira([{ status: 500 }]);
    await expect(
      new JiraClient(create.transport, { sleep: waitsOf().sleep }).post('/rest/issue', {}, Thing),
    ).rejects.toMatchObject({ kind: 'UNAVAILABLE' });
    expect(create.asked).toHaveLength(1);
    const search = scriptedJira([{ status: 500 }, { status: 200, body: { name: 'found' } }]);
    await expect(
      new JiraClient(search.transport, { sleep: waitsOf().sleep }).post('/rest/search', {}, Thing, { readOnly: true }),
    ).resolves.toEqual({ name: 'found' });
  });

  it('reports an unreachable Jira as NETWORK', async () => {
    const { transport } = scriptedJira([new Error('ECONNREFUSED')]);
    await expect(new JiraClient(transport).get('/rest/x', Thing)).rejects.toMatchObject({
      kind: 'NETWORK',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });
});
