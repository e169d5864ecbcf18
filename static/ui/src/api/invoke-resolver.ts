import { invoke } from '@forge/bridge';
import { ErrorCode, type Envelope } from '../../../../src/domain/common/envelope';
import type { AnswerOf, PayloadOf, ResolverKey } from '../../../../src/contract';

// The only module that calls `invoke`: every view reads the backend through this typed envelope.
const UNREACHABLE: Envelope<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'The app did not answer: it failed or took too long. Try again in a moment.' },
};

export async function callResolver<K extends ResolverKey>(
  key: K,
  payload: PayloadOf<K>,
): Promise<Envelope<AnswerOf<K>>> {
  try {
    const response: unknown = await invoke<unknown>(key, payload);
    // The resolver owns the shape of `data`; here we only make sure an envelope came back.
    return isEnvelope(response) ? (response as Envelope<AnswerOf<K>>) : UNREACHABLE;
  } catch {
    return UNREACHABLE;
  }
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'data' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const { error } = value;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    ErrorCode.safeParse(error.code).success &&
    'message' in error &&
    typeof error.message === 'string'
  );
}
