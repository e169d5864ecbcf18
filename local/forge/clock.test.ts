import { LOCAL_CLOCK_GLOBAL, nowIso, nowMs } from '../../src/app/common/clock';
import { createHostClock, installHostClock } from './clock';

describe("the local host's clock, as the app reads it", () => {
  const global = globalThis as Record<string, unknown>;
  const before = global[LOCAL_CLOCK_GLOBAL];
  afterEach(() => {
    global[LOCAL_CLOCK_GLOBAL] = before;
  });

  it('is the machine clock until a test moves it forward, and never goes back', () => {
    delete global[LOCAL_CLOCK_GLOBAL];
    expect(Math.abs(nowMs() - Date.now())).toBeLessThan(1000);

    const clock = createHostClock();
    installHostClock(clock);
    clock.setNow('2099-01-02T12:00:00.000Z');
    expect(nowIso().slice(0, 10)).toBe('2099-01-02');
    clock.setNow('2000-01-01T00:00:00.000Z');
    expect(Math.abs(nowMs() - Date.now())).toBeLessThan(1000);
    expect(() => clock.setNow('tomorrow')).toThrow('Not a time: tomorrow');
  });
});
