import { fakeBridge } from '../test-support/fake-bridge';
import { callResolver } from './invoke-resolver';
import { DEFAULT_STATUS_MAPPING } from '../../../../src/domain/mitigation/task-status';
import { DEFAULT_KNOWLEDGE_BASE_SETTINGS } from '../../../../src/domain/knowledge-base/knowledge-base-settings';

const UNREACHABLE = {
  ok: false,
  error: { code: 'INTERNAL', message: 'The app did not answer: it failed or took too long. Try again in a moment.' },
};

afterEach(() => fakeBridge.reset());

describe('callResolver', () => {
  it('passes the key and payload to invoke and returns the envelope', async () => {
    fakeBridge.givenResolver('settings/save', (payload) => ({ ok: true, data: { echoed: payload } }));

    await expect(
      callResolver('settings/save', {
        settings: {
          editorRoleIds: ['10002'],
          editorGroupIds: [],
          taskIssueTypeName: 'Task',
          statusMapping: DEFAULT_STATUS_MAPPING,
          knowledgeBases: DEFAULT_KNOWLEDGE_BASE_SETTINGS,
        },
      }),
    ).resolves.toEqual({
      ok: true,
      data: {
        echoed: {
          settings: {
            editorRoleIds: ['10002'],
            editorGroupIds: [],
            taskIssueTypeName: 'Task',
            statusMapping: DEFAULT_STATUS_MAPPING,
            knowledgeBases: DEFAULT_KNOWLEDGE_BASE_SETTINGS,
          },
        },
      },
    });
  });

  it('returns a failure envelope as it came', async () => {
    const notFound = { ok: false, error: { code: 'NOT_FOUND', message: 'This story no longer exists.' } };
    fakeBridge.givenResolver('story/get', () => notFound);

    await expect(callResolver('story/get', {})).resolves.toEqual(notFound);
  });

  it.each([
    ['nothing', undefined],
    ['a bare value', { clauses: [] }],
    ['an error with an unknown code', { ok: false, error: { code: 'TypeError', message: 'x is undefined' } }],
    ['a success without data', { ok: true }],
  ])('says the backend could not be reached when invoke returns %s', async (_, answer) => {
    fakeBridge.givenResolver('story/get', () => answer);

    await expect(callResolver('story/get', {})).resolves.toEqual(UNREACHABLE);
  });

  it('says the backend could not be reached when invoke throws', async () => {
    fakeBridge.givenResolver('story/get', () => {
      throw new Error('function timed out');
    });

    await expect(callResolver('story/get', {})).resolves.toEqual(UNREACHABLE);
  });
});
