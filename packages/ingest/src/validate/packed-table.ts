/**
 * An open-addressing table from an exact key of 4 × 32 bits (see series-keys.ts) to a dense
 * index 0, 1, 2 … in insertion order. Keys are compared exactly, never by hash, so a match is
 * always a true match. 16 bytes of key and 4 of index per slot; at most half the slots are used,
 * so about 40 bytes per entry, in typed arrays only.
 */
export class PackedTable {
  private keys: Uint32Array;
  private slotIndex: Int32Array;
  /** Keys by dense index, so the table can be rebuilt without its slots. */
  private byIndex: Uint32Array;
  size = 0;
  /** Whether the last `findOrAdd` added the key. */
  isNew = false;
  /** Reused by `compact`. */
  private moved = new Int32Array(0);

  constructor(initialSlots = 1 << 12) {
    this.keys = new Uint32Array(initialSlots * 4);
    this.slotIndex = new Int32Array(initialSlots).fill(-1);
    this.byIndex = new Uint32Array(initialSlots * 2);
  }

  get bytes(): number {
    return this.keys.byteLength + this.slotIndex.byteLength + this.byIndex.byteLength;
  }

  /** Words are taken as unsigned 32-bit, as the typed array stores them. */
  findOrAdd(w0: number, w1: number, w2: number, w3: number): number {
    const k0 = w0 >>> 0;
    const k1 = w1 >>> 0;
    const k2 = w2 >>> 0;
    const k3 = w3 >>> 0;
    if (this.size * 2 >= this.slotIndex.length) this.grow(this.slotIndex.length * 2);
    const mask = this.slotIndex.length - 1;
    let slot = mix(k0, k1, k2, k3) & mask;
    for (;;) {
      const index = this.slotIndex[slot] as number;
      if (index < 0) break;
      const at = slot * 4;
      const keys = this.keys;
      if (keys[at] === k0 && keys[at + 1] === k1 && keys[at + 2] === k2 && keys[at + 3] === k3) {
        this.isNew = false;
        return index;
      }
      slot = (slot + 1) & mask;
    }
    const index = this.size++;
    this.place(slot, index, k0, k1, k2, k3);
    if (index * 4 + 4 > this.byIndex.length) {
      const next = new Uint32Array(this.byIndex.length * 2);
      next.set(this.byIndex);
      this.byIndex = next;
    }
    const at = index * 4;
    this.byIndex[at] = k0;
    this.byIndex[at + 1] = k1;
    this.byIndex[at + 2] = k2;
    this.byIndex[at + 3] = k3;
    this.isNew = true;
    return index;
  }

  /** Word `w` of the key at dense index `index`. */
  keyWord(index: number, w: number): number {
    return this.byIndex[index * 4 + w] as number;
  }

  /**
   * Keeps only the entries `keep` accepts, renumbered densely in their old order; returns the new
   * index of each old one (-1 when dropped) so the caller can move its columns the same way.
   * Works in place: a new index is never above the old one, and fresh arrays on every flush
   * were garbage that V8 collects late (tens of MB of RSS at 1M rows).
   */
  compact(keep: (index: number) => boolean): Int32Array {
    const count = this.size;
    if (this.moved.length < count) this.moved = new Int32Array(this.byIndex.length / 4);
    const moved = this.moved;
    const old = this.byIndex;
    this.slotIndex.fill(-1);
    this.size = 0;
    for (let i = 0; i < count; i++) {
      moved[i] = keep(i)
        ? this.findOrAdd(old[i * 4] ?? 0, old[i * 4 + 1] ?? 0, old[i * 4 + 2] ?? 0, old[i * 4 + 3] ?? 0)
        : -1;
    }
    return moved.subarray(0, count);
  }

  private place(slot: number, index: number, k0: number, k1: number, k2: number, k3: number): void {
    const at = slot * 4;
    this.keys[at] = k0;
    this.keys[at + 1] = k1;
    this.keys[at + 2] = k2;
    this.keys[at + 3] = k3;
    this.slotIndex[slot] = index;
  }

  private grow(length: number): void {
    const { keys, slotIndex } = this;
    this.keys = new Uint32Array(length * 4);
    this.slotIndex = new Int32Array(length).fill(-1);
    const mask = length - 1;
    for (let s = 0; s < slotIndex.length; s++) {
      const index = slotIndex[s] as number;
      if (index < 0) continue;
      const at = s * 4;
      const k0 = keys[at] as number;
      const k1 = keys[at + 1] as number;
      const k2 = keys[at + 2] as number;
      const k3 = keys[at + 3] as number;
      let slot = mix(k0, k1, k2, k3) & mask;
      while ((this.slotIndex[slot] as number) >= 0) slot = (slot + 1) & mask;
      this.place(slot, index, k0, k1, k2, k3);
    }
  }
}

/** Spreads packed keys (mostly small integers) over the slots. */
function mix(k0: number, k1: number, k2: number, k3: number): number {
  let h = Math.imul(k0 ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 15) ^ k1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 13) ^ k2, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16) ^ k3, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** A growable column of numbers, indexed like a PackedTable. */
export class Column<T extends Float64Array | Uint32Array | Uint8Array> {
  data: T;
  constructor(private readonly make: (length: number) => T) {
    this.data = make(1 << 12);
  }

  ensure(index: number): void {
    if (index < this.data.length) return;
    let length = this.data.length;
    while (length <= index) length *= 2;
    const next = this.make(length);
    next.set(this.data);
    this.data = next;
  }

  /** Moves entries as `PackedTable.compact` renumbered them, in place (new ≤ old index). */
  compact(moved: Int32Array, width = 1): void {
    const data = this.data;
    for (let i = 0; i < moved.length; i++) {
      const to = moved[i] as number;
      if (to >= 0 && to !== i) for (let w = 0; w < width; w++) data[to * width + w] = data[i * width + w] as number;
    }
  }

  get bytes(): number {
    return this.data.byteLength;
  }
}
