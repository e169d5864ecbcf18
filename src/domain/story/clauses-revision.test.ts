import { AppError } from '../common/app-error';
import { checkClausesRevision } from './clauses-revision';

describe('the revision an edit of clauses started from', () => {
  it('lets an edit of the stored revision through', () => {
    expect(() => checkClausesRevision(3, 3)).not.toThrow();
  });

  it.each([
    [4, 3],
    [0, 1],
  ])('refuses an edit when the stored revision is %i and the edit started from %i', (stored, base) => {
    expect(() => checkClausesRevision(stored, base)).toThrow(
      new AppError('CONFLICT', "Someone else changed this story's WITHOUT clauses. Reload to see their changes."),
    );
  });
});
