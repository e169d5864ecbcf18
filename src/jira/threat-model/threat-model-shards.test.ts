import type { Threat } from '../../domain/threat-model/threat';
import { prose } from '../../../test/support/prose';
import { SHARD_LIMIT, encodeShard, packShards, type ModelRecord } from './threat-model-shards';

const threat = (n: number, descriptionLength = 300): Threat => ({
  id: `T-${n}`,
  title: `Threat number ${n}`,
  description: prose(n, descriptionLength),
  stride: ['S', 'T'],
  probability: 3,
  impact: 4,
  component: 'Component',
  source: { kind: 'manual' },
  state: 'active',
  created: { accountId: 'a', at: '2026-01-01T00:00:00.000Z' },
  updated: { accountId: 'a', at: '2026-01-01T00:00:00.000Z' },
  revision: 1,
});
const size = (threats: ModelRecord[]) => JSON.stringify(encodeShard(threats, 99)).length;

describe('packing threats into shards', () => {
  it('keeps every shard of a 1,000-threat model under the limit and loses no threat', () => {
    const threats = Array.from({ length: 1000 }, (_, i) => threat(i + 1));
    const shards = packShards([], threats);
    expect(shards.length).toBeGreaterThan(3);
    for (const s of shards) expect(size(s.records)).toBeLessThanOrEqual(SHARD_LIMIT);
    expect(shards.flatMap((s) => s.records.map((t) => t.id))).toEqual(threats.map((t) => t.id));
  });

  it('rewrites only the shard holding an edited threat', () => {
    const threats = Array.from({ length: 300 }, (_, i) => threat(i + 1));
    const stored = packShards([], threats);
    const edited = threats.map((t) => (t.id === 'T-150' ? { ...t, title: 'Changed', revision: 2 } : t));
    const changed = packShards(stored, edited);
    expect(changed).toHaveLength(1);
    expect(changed[0]?.records.some((t) => t.id === 'T-150')).toBe(true);
    expect(changed[0]?.revision).toBe(2);
  });

  it('moves threats out of a shard an edit makes too big, and never writes a shard it could not read', () => {
    const threats = Array.from({ length: 60 }, (_, i) => threat(i + 1));
    const stored = packShards([], threats);
    const grown = threats.map((t) => ({ ...t, description: prose(Number(t.id.slice(2)) + 5000, 3900) }));
    const changed = packShards(stored, grown, [7]);
    for (const s of changed) expect(size(s.records)).toBeLessThanOrEqual(SHARD_LIMIT);
    expect(changed.map((s) => s.index)).not.toContain(7);
    const all = [...stored.filter((s) => !changed.some((c) => c.index === s.index)), ...changed].flatMap((s) =>
      s.records.map((t) => t.id),
    );
    expect(new Set(all).size).toBe(60);
  });
});
