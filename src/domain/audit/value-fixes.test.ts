import { mitigation, threat } from './audit-fixtures';
import {
  recordedMitigation,
  reopeningTransition,
  restoredTaskProperty,
  SHOWN_CHARACTERS,
  shownValue,
} from './value-fixes';
import { emptyThreatModel } from '../threat-model/threat-model';

describe('the fixes for values the app cannot read', () => {
  it('show a raw value cut to a readable length, with a fingerprint of the whole of it', () => {
    const long = { text: 'x'.repeat(SHOWN_CHARACTERS * 2) };
    const shown = shownValue(long);
    expect(shown.text).toHaveLength(SHOWN_CHARACTERS);
    expect(shown.truncated).toBe(true);
    // A change past what is shown still changes the fingerprint: the fix is refused then.
    expect(shownValue({ text: `${long.text}y` }).fingerprint).not.toBe(shown.fingerprint);
    expect(shownValue({ a: 1 }).fingerprint).toBe(shownValue({ a: 1 }).fingerprint);
    expect(shownValue(undefined)).toEqual({ text: null, truncated: false, fingerprint: expect.any(String) });
    expect(shownValue(undefined).fingerprint).not.toBe(shownValue('').fingerprint);
  });

  it('restore a task property from the mitigation the model records the issue for, never from the issue', () => {
    const m = {
      ...mitigation('M-3', [
        ['T-2', 75],
        ['T-4', 50],
      ]),
      task: { id: '10022', key: 'PAY-22' },
    };
    const model = { ...emptyThreatModel(), threats: [threat('T-2'), threat('T-4')], mitigations: [m] };
    expect(recordedMitigation(model, '10022')?.id).toBe('M-3');
    expect(recordedMitigation(model, '10003')).toBeUndefined();
    expect(restoredTaskProperty(m, 'PAY')).toEqual({
      v: 1,
      mitigationId: 'M-3',
      threatIds: ['T-2', 'T-4'],
      projectKey: 'PAY',
    });
  });

  it('reopen a done story to To Do when the workflow offers it, else to a status in progress, else not at all', () => {
    const done = { id: '41', name: 'Done', toCategory: 'done' as const };
    const doing = { id: '21', name: 'In Progress', toCategory: 'indeterminate' as const };
    const todo = { id: '11', name: 'To Do', toCategory: 'new' as const };
    expect(reopeningTransition([done, doing, todo])?.id).toBe('11');
    expect(reopeningTransition([done, doing])?.id).toBe('21');
    expect(reopeningTransition([done, { id: '9', name: '?', toCategory: undefined }])).toBeUndefined();
  });
});
