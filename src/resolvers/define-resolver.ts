import type Resolver from '@forge/resolver';
import type { z } from 'zod';
import { RESOLVER_CONTRACT, type AnswerOf, type ParsedPayloadOf, type ResolverKey } from '../contract';
import { AppError } from '../domain/common/app-error';
import { fail, ok, type Envelope, type ErrorCode } from '../domain/common/envelope';
import { JiraApiError, type JiraErrorKind } from '../jira/client/jira-errors';
import { InvocationContext } from './invocation-context';

export interface ResolverCall<P> {
  payload: P;
  context: InvocationContext;
}

const JIRA_TO_APP: Record<JiraErrorKind, { code: ErrorCode; message: string }> = {
  BAD_REQUEST: { code: 'BAD_REQUEST', message: 'Jira refused the request.' },
  UNAUTHORIZED: { code: 'FORBIDDEN', message: 'Jira did not accept your session. Reload the page and sign in again.' },
  FORBIDDEN: { code: 'FORBIDDEN', message: 'You do not have permission to do this in Jira.' },
  NOT_FOUND: { code: 'NOT_FOUND', message: 'The issue or project does not exist, or you cannot see it.' },
  CONFLICT: { code: 'CONFLICT', message: 'Someone else changed this at the same time. Reload and try again.' },
  RATE_LIMITED: { code: 'RATE_LIMITED', message: 'Jira is busy right now. Wait a moment and try again.' },
  UNAVAILABLE: { code: 'JIRA_UNAVAILABLE', message: 'Jira did not answer properly. Try again in a moment.' },
  NETWORK: { code: 'JIRA_UNAVAILABLE', message: 'Jira could not be reached. Try again in a moment.' },
  INVALID_RESPONSE: {
    code: 'JIRA_UNAVAILABLE',
    message: 'Jira answered in a way the app did not expect. Try again in a moment.',
  },
};

/** Expected failures become an envelope the UI can show; anything else is a bug and is rethrown. */
export function toEnvelopeError(error: unknown): Envelope<never> {
  if (error instanceof AppError) return fail(error.code, error.message);
  if (error instanceof JiraApiError) {
    const mapped = JIRA_TO_APP[error.kind];
    const detail = error.kind === 'BAD_REQUEST' && error.details[0] ? ` ${error.details[0]}` : '';
    return fail(mapped.code, `${mapped.message}${detail}`);
  }
  throw error;
}

/**
 * Every resolver reads the same way: parse the payload and the context, run, wrap the result.
 * The key names the contract's entry, which gives the payload's schema and the answer's type,
 * so a resolver cannot drift from what the UI sends and expects. One place turns errors into
 * envelopes, so no resolver repeats a try/catch.
 */
export function defineResolver<K extends ResolverKey>(
  resolver: Resolver,
  key: K,
  run: (call: ResolverCall<ParsedPayloadOf<K>>) => Promise<AnswerOf<K>>,
): void {
  const payloadSchema: z.ZodType = RESOLVER_CONTRACT[key].payload;
  resolver.define(key, async (request: { payload: unknown; context: unknown }): Promise<Envelope<AnswerOf<K>>> => {
    const context = InvocationContext.safeParse(request.context);
    if (!context.success)
      return fail('BAD_REQUEST', 'The app was opened without the context it needs. Reload the page.');
    const payload = payloadSchema.safeParse(request.payload ?? {});
    if (!payload.success) {
      const first = payload.error.issues[0];
      return fail('BAD_REQUEST', first?.message ?? 'The request was not valid.');
    }
    try {
      return ok(await run({ payload: payload.data as ParsedPayloadOf<K>, context: context.data }));
    } catch (error) {
      return toEnvelopeError(error);
    }
  });
}
