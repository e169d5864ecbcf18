import { AppError } from '../common/app-error';
import { requireKnownKnowledgeBases, requireRemovable, withActive } from './knowledge-base-choice';
import { BUILT_IN_KB_ID } from './knowledge-base-settings';

const settings = { active: [BUILT_IN_KB_ID, 'team'], mode: 'top' as const };

describe('turning a knowledge base on and off', () => {
  it('adds it once, at the end, and removes it', () => {
    expect(withActive(settings, 'payments', true).active).toEqual([BUILT_IN_KB_ID, 'team', 'payments']);
    expect(withActive(settings, 'team', true)).toEqual(settings);
    expect(withActive(settings, 'team', false)).toEqual({ active: [BUILT_IN_KB_ID], mode: 'top' });
  });
});

describe('the knowledge bases a project can turn on', () => {
  it('are the built-in one and those uploaded to it', () => {
    expect(() => requireKnownKnowledgeBases([BUILT_IN_KB_ID, 'team'], new Set(['team']), 'PAY')).not.toThrow();
  });

  it('name the ones that are not, in one sentence', () => {
    expect(() => requireKnownKnowledgeBases(['team'], new Set(), 'PAY')).toThrow(
      new AppError('BAD_REQUEST', 'team is not a knowledge base of PAY; reload the page.'),
    );
    expect(() => requireKnownKnowledgeBases(['a', 'b'], new Set(), 'PAY')).toThrow(
      'a, b are not a knowledge base of PAY; reload the page.',
    );
  });

  it('never lose the built-in one', () => {
    expect(() => requireRemovable(BUILT_IN_KB_ID)).toThrow(
      new AppError('BAD_REQUEST', 'The built-in knowledge base cannot be removed; turn it off instead.'),
    );
    expect(() => requireRemovable('team')).not.toThrow();
  });
});
