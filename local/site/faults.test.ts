import { Faults } from './faults';

describe('fault injection', () => {
  it('spreads the configured share of 429 and 500 answers, the same way for the same seed', () => {
    const draw = () => {
      const faults = new Faults();
      faults.configure({ rate429: 0.3, rate500: 0.1, seed: 42, retryAfterSeconds: 2 });
      return Array.from({ length: 3000 }, () => faults.decide().kind);
    };
    const kinds = draw();
    const share = (k: string) => kinds.filter((x) => x === k).length / kinds.length;
    expect(share('429')).toBeGreaterThan(0.27);
    expect(share('429')).toBeLessThan(0.33);
    expect(share('500')).toBeGreaterThan(0.08);
    expect(share('500')).toBeLessThan(0.12);
    expect(draw()).toEqual(kinds);
  });

  it('refuses rates outside 0..1', () => {
    expect(() => new Faults().configure({ rate429: 1.5 })).toThrow('Fault rates must be between 0 and 1');
  });
});
