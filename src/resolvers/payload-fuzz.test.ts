import type { LocalSite } from '../../local/site/server';
import { resolverCaller } from '../../test/support/forge-invocation';
import { startTestSite } from '../../test/support/local-site';
import { ErrorCode } from '../domain/common/envelope';
import { resolver } from '../index';
import { RESOLVER_KEYS } from './index';
import { seededRandom } from '../../test/support/seeded-random';

// Every resolver answers whatever the browser sends (a payload is input: a page can be edited,
// a request crafted) with an envelope: data, or an error code and a sentence. Never a thrown
// error (the host's generic message), never a stack trace, never a polluted prototype.

const CONTEXTS = {
  project: { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } },
  issue: { type: 'jira:issuePanel', issue: { id: '10000', key: 'PAY-1' }, project: { id: '10000', key: 'PAY' } },
  strangeIssue: {
    type: 'jira:issuePanel',
    issue: { id: '../../rest/api/3/myself?x=' },
    project: { id: '10000', key: 'PAY' },
  },
  none: {},
};

const deep = (depth: number): unknown => {
  let value: unknown = {};
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { draft: value } : [value];
  return value;
};

const FIELDS = [
  'draft',
  'id',
  'baseRevision',
  'clauses',
  'mitigationId',
  'sprintId',
  'mitigationIds',
  'settings',
  'findingId',
  'reason',
  'knowledgeBaseId',
  'templateId',
  'content',
  'fileName',
  'format',
  'accountIds',
  'state',
  'issueKey',
  'threatId',
  'mode',
  'text',
  'title',
];

function value(next: () => number, depth = 0): unknown {
  const pick = Math.floor(next() * 12);
  switch (pick) {
    case 0:
      return null;
    case 1:
      return Math.floor(next() * 2 ** 40) - 2 ** 39;
    case 2:
      return next() < 0.5 ? Number.NaN : -0;
    case 3:
      return 'T-1';
    case 4:
      return '\u202E\u0000' + 'x'.repeat(Math.floor(next() * 5000));
    case 5:
      return '__proto__';
    case 6:
      return true;
    case 7:
      return depth > 3 ? [] : Array.from({ length: Math.floor(next() * 4) }, () => value(next, depth + 1));
    case 8:
      return depth > 3 ? {} : payload(next, depth + 1);
    case 9:
      return 'M-99999999999999999999';
    case 10:
      return { encoding: 'deflate-base64', data: '%%%' };
    default:
      return '';
  }
}

function payload(next: () => number, depth = 0): Record<string, unknown> {
  const entries = Array.from(
    { length: 1 + Math.floor(next() * 5) },
    () => [FIELDS[Math.floor(next() * FIELDS.length)]!, value(next, depth)] as const,
  );
  return Object.fromEntries(entries);
}

const FIXED: unknown[] = [
  undefined,
  null,
  42,
  'payload',
  [],
  {},
  JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
  deep(3000),
  { draft: { title: 'x'.repeat(600_000) } },
];

describe('every resolver under malformed payloads', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
  });
  afterAll(() => site.close());

  it('answers audit/run with a sentence when Forge does not take the job, and leaves no run stuck as queued', async () => {
    const answer = await call('alice', 'audit/run', {}, CONTEXTS.project);
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'JIRA_UNAVAILABLE',
        message: 'The audit could not be started: Forge did not take the job. Try again in a moment.',
      },
    });
    const view = (await call('alice', 'audit/get', {}, CONTEXTS.project)) as {
      ok: boolean;
      data?: { run: { state: string } };
    };
    expect(view.data?.run.state).toBe('failed');
  });

  it('knows its resolvers', () => {
    expect(RESOLVER_KEYS.length).toBeGreaterThan(25);
  });

  it.each(RESOLVER_KEYS)(
    '%s answers an envelope for every malformed payload and context',
    async (key) => {
      const next = seededRandom(key.split('').reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261));
      const payloads = [...FIXED, ...Array.from({ length: 12 }, () => payload(next))];
      for (const body of payloads) {
        for (const context of Object.values(CONTEXTS)) {
          const answer = (await call('carol', key, body, context)) as {
            ok?: unknown;
            error?: { code?: unknown; message?: unknown };
          };
          expect(typeof answer.ok).toBe('boolean');
          if (answer.ok === false) {
            expect(ErrorCode.safeParse(answer.error?.code).success).toBe(true);
            expect(answer.error?.message).toEqual(expect.any(String));
            expect(String(answer.error?.message)).not.toMatch(/\n\s+at |TypeError|RangeError|undefined is not/);
          }
        }
      }
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    },
    60_000,
  );
});
