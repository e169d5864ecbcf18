import { decodedShard, heldByDecodings, MAX_HELD, type DecodedShard } from './decoded-shards';
import { encodeShard, packShards, SHARD_DECODED_LIMIT, decodeShard } from './threat-model-shards';

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
    decodedShard('site-a', 'PAY', 'without.model.shard.0', value, decode);
    decodedShard('site-a', 'PAY', 'without.model.shard.0', value, decode);
    expect(decode).toHaveBeenCalledTimes(1);
    decodedShard('site-b', 'PAY', 'without.model.shard.0', value, decode);
    expect(decode).toHaveBeenCalledTimes(2);
  });

  it('decodes again when the revision or the data differs, and never remembers what is not a shard', () => {
    const decode = decoding();
    decodedShard('site-c', 'PAY', 'without.model.shard.0', value, decode);
    decodedShard('site-c', 'PAY', 'without.model.shard.0', { ...(value as object), revision: 4 }, decode);
    decodedShard('site-c', 'PAY', 'without.model.shard.0', 'garbage', decode);
    decodedShard('site-c', 'PAY', 'without.model.shard.0', 'garbage', decode);
    expect(decode).toHaveBeenCalledTimes(4);
  });

  it('hands each reader lists of its own', () => {
    const decode = decoding();
    const first = decodedShard('site-d', 'PAY', 'without.model.shard.0', value, decode);
    first.shard!.records.push({ id: 'T-1' } as never);
    first.problems.push('changed by a caller');
    const second = decodedShard('site-d', 'PAY', 'without.model.shard.0', value, decode);
    expect(second.shard!.records).toEqual([]);
    expect(second.problems).toEqual([]);
  });

  it('keeps two projects of one site apart: each one’s shards (of the same names) stay decoded while the other is read', () => {
    const other = JSON.parse(JSON.stringify(encodeShard([], 7))) as unknown;
    const decode = decoding();
    for (let i = 0; i < 3; i++) {
      decodedShard('site-e', 'PAY', 'without.model.shard.0', value, decode);
      decodedShard('site-e', 'OPS', 'without.model.shard.0', other, decode);
    }
    expect(decode).toHaveBeenCalledTimes(2);
  });

  it('counts what a decoding inflated to toward its bound, and keeps none larger than the bound', () => {
    const large = (bytes: number) =>
      jest.fn((): DecodedShard => ({
        shard: { index: 0, revision: 3, records: [] },
        problems: [],
        decodedBytes: bytes,
      }));
    const half = large(Math.floor(MAX_HELD / 2));
    decodedShard('site-f', 'PAY', 'without.model.shard.0', value, half);
    const held = heldByDecodings();
    decodedShard('site-f', 'PAY', 'without.model.shard.1', value, half);
    // The second half does not fit beside the first and everything else: the oldest go, the bound holds.
    expect(heldByDecodings()).toBeLessThanOrEqual(MAX_HELD);
    expect(held).toBeGreaterThanOrEqual(MAX_HELD / 2);
    decodedShard('site-f', 'PAY', 'without.model.shard.0', value, half);
    expect(half).toHaveBeenCalledTimes(3);
    const tooLarge = large(MAX_HELD + 1);
    decodedShard('site-f', 'PAY', 'without.model.shard.2', value, tooLarge);
    decodedShard('site-f', 'PAY', 'without.model.shard.2', value, tooLarge);
    expect(tooLarge).toHaveBeenCalledTimes(2);
    expect(heldByDecodings()).toBeLessThanOrEqual(MAX_HELD);
  });
});

describe('a shard’s inflated size', () => {
  const record = (n: number) => ({ id: `T-${n}`, title: 'x', description: 'The same long text. '.repeat(400) });

  it('packs records that deflate far into shards that inflate within the bound, which decode', () => {
    const shards = packShards([], Array.from({ length: 400 }, (_, i) => record(i + 1)) as never[]);
    expect(shards.length).toBeGreaterThan(1);
    for (const shard of shards) {
      const decoded = decodeShard(encodeShard(shard.records, shard.revision));
      if ('error' in decoded) throw new Error(decoded.error);
      expect(decoded.decodedBytes).toBeLessThanOrEqual(SHARD_DECODED_LIMIT);
    }
  });
});
