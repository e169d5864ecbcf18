import { AppError } from '../domain/common/app-error';
import type { InvocationContext } from './invocation-context';

/** The project the page was opened in. Frontend input: every use goes through Jira as the user. */
export function projectKeyOf(context: InvocationContext): string {
  const key = context.extension.project?.key;
  if (!key || !/^[A-Z][A-Z0-9_]{0,19}$/.test(key))
    throw new AppError('BAD_REQUEST', 'This page only works inside a Jira project.');
  return key;
}

export function issueIdOf(context: InvocationContext): string {
  const id = context.extension.issue?.id;
  if (!id || !/^\d+$/.test(id)) throw new AppError('BAD_REQUEST', 'This panel only works on an issue.');
  return id;
}
