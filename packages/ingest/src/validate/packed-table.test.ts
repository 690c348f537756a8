import { describe, expect, it } from 'vitest';
import { BlockedTable, PackedTable } from './packed-table.js';

/** A deterministic generator, so a failure replays. */
function random(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % n;
  };
}

describe('PackedTable and BlockedTable', () => {
  it('give each key one dense index in order of insertion, as a Map would, through growth and compaction', () => {
    const pick = random(3);
    const packed = new PackedTable(16);
    const blocked = new BlockedTable();
    const reference = new Map<string, number>();
    const blockOf = new Map<string, number>();
    const check = () => {
      for (let n = 0; n < 6000; n++) {
        // Runs of one block, as files grouped by block give, and interleaved blocks now and then.
        const block = n % 7 === 0 ? pick(40) : Math.floor(n / 300) % 40;
        const key = [block, pick(3), pick(200), pick(2) === 0 ? 0 : 0xffffffff] as const;
        const name = key.join(',');
        const expected = reference.get(name);
        const a = packed.findOrAdd(...key);
        expect(packed.isNew).toBe(expected === undefined);
        const b = blocked.findOrAdd(block, ...key);
        expect(blocked.isNew).toBe(expected === undefined);
        expect(b).toBe(a);
        if (expected === undefined) {
          expect(a).toBe(reference.size);
          reference.set(name, a);
          blockOf.set(name, block);
        } else expect(a).toBe(expected);
      }
    };
    check();
    expect(blocked.size).toBe(reference.size);
    // Keep the even blocks' entries: both renumber alike, and the dropped keys are new again.
    const movedPacked = [...packed.compact((index) => (packed.keyWord(index, 0) & 1) === 0)];
    const movedBlocked = [...blocked.compact((index) => (blocked.keyWord(index, 0) & 1) === 0)];
    expect(movedBlocked).toEqual(movedPacked);
    const kept = [...reference].filter(([name]) => ((blockOf.get(name) ?? 0) & 1) === 0);
    reference.clear();
    for (const [name, index] of kept) reference.set(name, movedPacked[index] as number);
    expect(blocked.size).toBe(reference.size);
    for (const [name, index] of reference) {
      const key = name.split(',').map(Number) as [number, number, number, number];
      expect(blocked.findOrAdd(key[0], ...key)).toBe(index);
      expect(blocked.isNew).toBe(false);
      expect(blocked.keyWord(index, 2)).toBe(key[2]);
    }
    check();
    expect(blocked.size).toBe(packed.size);
    expect(blocked.bytes).toBeGreaterThan(0);
  });
});
