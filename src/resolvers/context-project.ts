import { SprintId } from '../contract';
import { AppError } from '../domain/common/app-error';
import type { InvocationContext } from './invocation-context';

/** The project the page was opened in. Frontend input: every use goes through Jira as the user. */
export function projectKeyOf(context: InvocationContext): string {
  const key = context.extension.project?.key;
  if (!key || !/^[A-Z][A-Z0-9_]{0,19}$/.test(key))
    throw new AppError('BAD_REQUEST', 'This page only works inside a Jira project.');
  return key;
}

/**
 * The project an issue panel says it is in, when it names one: only a hint of what to read
 * first, beside the issue; what the app then uses is the issue's own project, read as the user.
 */
export function projectHintOf(context: InvocationContext): string | undefined {
  const key = context.extension.project?.key;
  return key && /^[A-Z][A-Z0-9_]{0,19}$/.test(key) ? key : undefined;
}

export function issueIdOf(context: InvocationContext): string {
  const id = context.extension.issue?.id;
  if (!id || !/^\d+$/.test(id)) throw new AppError('BAD_REQUEST', 'This panel only works on an issue.');
  return id;
}

/** The sprint asked for: the payload's (project page picker) or the sprint action's own. */
export function sprintIdOf(payloadId: number | undefined, context: InvocationContext): number {
  const fromContext = (context.extension as { sprint?: { id?: unknown } }).sprint?.id;
  const id = payloadId ?? (typeof fromContext === 'string' ? Number(fromContext) : fromContext);
  const parsed = SprintId.safeParse(id);
  if (!parsed.success) throw new AppError('BAD_REQUEST', 'Pick a sprint first.');
  return parsed.data;
}
