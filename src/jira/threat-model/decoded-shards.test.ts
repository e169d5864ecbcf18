import { decodedShard, type DecodedShard } from './decoded-shards';
import { encodeShard } from './threat-model-shards';

// A decoding is reused only for the exact stored value on the same site, and a caller never
// gets lists another caller may have built on.
describe('decoded shards', () => {
  const value = JSON.parse(JSON.stringify(encodeShard([], 3))) as unknown;
  const decoding = () => {
    const decode = jest.fn((): DecodedShard => ({
      shard: { index: 0, revision: 3, records: [], unreadable: [] },
      problems: [],
    }));
    return decode;
  };

  it('decodes the same value once per site, never sharing a decoding between two sites', () => {
    const decode = decoding();
    decodedShard('site-a', 'without.model.shard.0', value, decode);
    decodedShard('site-a', 'without.model.shard.0', value, decode);
    expect(decode).toHaveBeenCalledTimes(1);
    decodedShard('site-b', 'without.model.shard.0', value, decode);
    expect(decode).toHaveBeenCalledTimes(2);
  });

  it('decodes again when the revision or the data differs, and never remembers what is not a shard', () => {
    const decode = decoding();
    decodedShard('site-c', 'without.model.shard.0', value, decode);
    decodedShard('site-c', 'without.model.shard.0', { ...(value as object), revision: 4 }, decode);
    decodedShard('site-c', 'without.model.shard.0', 'garbage', decode);
    decodedShard('site-c', 'without.model.shard.0', 'garbage', decode);
    expect(decode).toHaveBeenCalledTimes(4);
  });

  it('hands each reader lists of its own', () => {
    const decode = decoding();
    const first = decodedShard('site-d', 'without.model.shard.0', value, decode);
    first.shard!.records.push({ id: 'T-1' } as never);
    first.problems.push('changed by a caller');
    const second = decodedShard('site-d', 'without.model.shard.0', value, decode);
    expect(second.shard!.records).toEqual([]);
    expect(second.problems).toEqual([]);
  });
});
