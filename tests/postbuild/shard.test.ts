/** Build shards split every page list into disjoint parts that together are the whole list. */
import { describe, expect, it } from 'vitest';
import { parseShard, shard } from '../../src/lib/shard';

describe('build shards', () => {
  it('render each entry of a list in exactly one shard', () => {
    const ids = Array.from({ length: 11 }, (_, i) => `p${i}`);
    const parts = [0, 1, 2].map((index) => shard(ids, { index, count: 3 }));
    expect(parts.map((p) => p.length)).toEqual([4, 4, 3]);
    expect(parts.flat().sort()).toEqual([...ids].sort());
    expect(shard(ids, parseShard(undefined))).toEqual(ids);
  });

  it('refuse a malformed SITE_SHARD with a message saying how to write it', () => {
    expect(parseShard('1/2')).toEqual({ index: 1, count: 2 });
    expect(() => parseShard('2/2')).toThrow(/SITE_SHARD 应写成“序号\/分片数”/);
    expect(() => parseShard('half')).toThrow(/SITE_SHARD/);
  });
});
