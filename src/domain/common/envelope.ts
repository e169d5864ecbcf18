import { z } from 'zod';

// The one shape every resolver returns and the UI reads. Errors carry a stable code the UI
// can branch on and a sentence a person can act on; never exception text or stack traces.
export const ErrorCode = z.enum([
  'BAD_REQUEST',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'RATE_LIMITED',
  'JIRA_UNAVAILABLE',
  'INVALID_DATA',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export interface AppErrorBody {
  code: ErrorCode;
  message: string;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppErrorBody };

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string): Envelope<never> => ({ ok: false, error: { code, message } });
