import { RESOLVER_KEYS } from '../resolvers';
import { RESOLVER_CONTRACT } from '.';

// The contract names every key the UI may invoke; the resolvers define each of them, once.

describe('the resolvers and the contract', () => {
  it('define every key once', () => {
    const twice = RESOLVER_KEYS.filter((key, i) => RESOLVER_KEYS.indexOf(key) !== i);
    expect(twice).toEqual([]);
  });

  it('name the same keys: none of the contract left undefined, none defined outside it', () => {
    expect([...RESOLVER_KEYS].sort()).toEqual(Object.keys(RESOLVER_CONTRACT).sort());
  });
});
