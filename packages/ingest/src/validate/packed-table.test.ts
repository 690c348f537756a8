import { describe, expect, it } from 'vitest';
import { BlockedTable } from './packed-table.js';

/** A deterministic generator, so a failure replays. */
function random(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % n;
  };
}

describe('BlockedTable', () => {
  it('gives each key one dense index in order of insertion, as a Map would, through growth and compaction', () => {
    const pick = random(3);
    const blocked = new BlockedTable();
    const reference = new Map<string, number>();
    const blockOf = new Map<string, number>();
    /** The block of each dense index, as a window's own columns hold it. */
    let blockByIndex: number[] = [];
    const check = () => {
      for (let n = 0; n < 6000; n++) {
        // Runs of one block, as files grouped by block give, and interleaved blocks now and then.
        const block = n % 7 === 0 ? pick(40) : Math.floor(n / 300) % 40;
        const key = [block, pick(3), pick(200), pick(2) === 0 ? 0 : 0xffffffff] as const;
        const name = key.join(',');
        const expected = reference.get(name);
        const a = blocked.findOrAdd(block, ...key);
        expect(blocked.isNew).toBe(expected === undefined);
        if (expected === undefined) {
          expect(a).toBe(reference.size);
          reference.set(name, a);
          blockOf.set(name, block);
          blockByIndex[a] = block;
        } else expect(a).toBe(expected);
      }
    };
    check();
    expect(blocked.size).toBe(reference.size);
    // Keep the even blocks' entries, renumbered densely in their order; the dropped keys are new again.
    const moved = [...blocked.compact((index) => ((blockByIndex[index] ?? 0) & 1) === 0)];
    const kept = [...reference].filter(([name]) => ((blockOf.get(name) ?? 0) & 1) === 0);
    expect(moved.filter((to) => to >= 0)).toEqual(kept.map((_, i) => i));
    reference.clear();
    for (const [name, index] of kept) reference.set(name, moved[index] as number);
    blockByIndex = kept.map(([name]) => blockOf.get(name) ?? 0);
    expect(blocked.size).toBe(reference.size);
    for (const [name, index] of reference) {
      const key = name.split(',').map(Number) as [number, number, number, number];
      expect(blocked.findOrAdd(key[0], ...key)).toBe(index);
      expect(blocked.isNew).toBe(false);
    }
    check();
    expect(blocked.size).toBe(reference.size);
  });
});
