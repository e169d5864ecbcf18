import { withoutPrefixDropped } from './clause-text';

describe('withoutPrefixDropped', () => {
  it.each([
    ['WITHOUT having my card stolen', 'having my card stolen'],
    ['without having my card stolen', 'having my card stolen'],
    ['  Without\thaving', 'having'],
    ['WITHOUT ', ''],
    ['WITHOUT', 'WITHOUT'],
    ['Withholding refunds', 'Withholding refunds'],
    ['having WITHOUT inside', 'having WITHOUT inside'],
  ])('%j -> %j', (typed, kept) => {
    expect(withoutPrefixDropped(typed)).toBe(kept);
  });
});
