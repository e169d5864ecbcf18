import { fail, ok, type Envelope } from '../../../../src/domain/common/envelope';
import { mayHaveLanded, sendChange } from './patient-change';

const BUSY = fail('RATE_LIMITED', 'Jira is busy right now. Wait a moment and try again.');
const CONFLICT = fail('CONFLICT', 'Someone else changed it.');

describe('sendChange', () => {
  it('reads back after a failure that may hide a stored change, and reports the stored value as the answer', async () => {
    const landed = jest.fn(async (): Promise<Envelope<string> | undefined> => ok('stored'));
    expect(await sendChange({ send: async () => BUSY, landed }, false)).toEqual(ok('stored'));
    expect(landed).toHaveBeenCalledTimes(1);
  });

  it('keeps the failure when the change is not stored, or cannot be read', async () => {
    expect(await sendChange({ send: async () => BUSY, landed: async () => undefined }, false)).toEqual(BUSY);
    const unreadable = async (): Promise<Envelope<string> | undefined> => {
      throw new Error('no answer');
    };
    expect(await sendChange({ send: async () => BUSY, landed: unreadable }, false)).toEqual(BUSY);
  });

  it('reads back after a conflict only on a retry: a first conflict is someone else’s', async () => {
    const landed = jest.fn(async (): Promise<Envelope<string> | undefined> => ok('stored'));
    expect(await sendChange({ send: async () => CONFLICT, landed }, false)).toEqual(CONFLICT);
    expect(landed).not.toHaveBeenCalled();
    expect(await sendChange({ send: async () => CONFLICT, landed }, true)).toEqual(ok('stored'));
  });

  it('never reads back after a refusal', () => {
    for (const code of ['FORBIDDEN', 'BAD_REQUEST', 'NOT_FOUND', 'INVALID_DATA'] as const) {
      expect(mayHaveLanded({ code, message: '' }, true)).toBe(false);
    }
  });
});
