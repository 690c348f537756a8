/** Words per slot: the dense index plus one, then the key's four words, side by side. */
const STRIDE = 5;

/** Slots a block's table starts with, at least and at most. */
const MIN_BLOCK_SLOTS = 8;
const MAX_FIRST_SLOTS = 1 << 12;

/**
 * A table from an exact key of 4 × 32 bits (see series-keys.ts) to a dense index 0, 1, 2 … in
 * insertion order, in typed arrays only. Keys are compared exactly, never by hash, so a match is
 * always a true match; a slot holds its index beside its key (20 bytes), so a probe reads one
 * cache line, and at most half the slots are used. Entries belong to blocks (series-window.ts:
 * one ref_area, source and period; a table of one block is a plain hash table), each block's in
 * its own small open-addressing table within one arena. A key is
 * looked up within its block's table only, so the rows of the few blocks a file is reading at
 * a time probe a few cache lines that stay in the cache, where one table over every block made
 * nearly every probe a miss (over half the window's time at 1M rows). A block's table doubles
 * in place when it was the last one made, as in a file grouped by block; otherwise anew at the
 * arena's end, the old space staying unused until `compact`.
 */
export class BlockedTable {
  private arena = new Uint32Array(1 << 12);
  /** Slots of the arena handed out. */
  private used = 0;
  private blockBase = new Uint32Array(1 << 10);
  private blockSlots = new Uint32Array(1 << 10);
  private blockSize = new Uint32Array(1 << 10);
  /** Per block: its id in the window. */
  private blockId = new Uint32Array(1 << 10);
  /** Reused by `compact`: the kept entries, six words each (block, new index, key). */
  private kept = new Uint32Array(0);
  /** The block whose table was made last: how many entries it has sizes the next one's. */
  private lastNewBlock = -1;
  /** Blocks by their number in the window, and the last one asked for. */
  private readonly locals = new Map<number, number>();
  private lastBlock = -1;
  private lastLocal = -1;
  /** The block `slotOf` probed last. */
  private probed = 0;
  size = 0;
  /** Whether the last `findOrAdd` added the key. */
  isNew = false;
  private moved = new Int32Array(0);

  get bytes(): number {
    return this.arena.byteLength + this.blockBase.byteLength * 4 + this.moved.byteLength + this.kept.byteLength;
  }

  /** The dense index of the key in `block` (a SeriesWindow block id), added when new. */
  findOrAdd(block: number, w0: number, w1: number, w2: number, w3: number): number {
    const k0 = w0 >>> 0;
    const k1 = w1 >>> 0;
    const k2 = w2 >>> 0;
    const k3 = w3 >>> 0;
    const at = this.slotOf(block, k0, k1, k2, k3);
    const stored = this.arena[at] as number;
    if (stored !== 0) {
      this.isNew = false;
      return stored - 1;
    }
    const index = this.size++;
    this.put(at, index, k0, k1, k2, k3);
    this.isNew = true;
    return index;
  }

  /**
   * Where the key is in its block's table, or the free slot where it goes (as an arena offset),
   * the table grown first if it is half full; the block's number here is left in `probed`.
   */
  private slotOf(block: number, k0: number, k1: number, k2: number, k3: number): number {
    const local = block === this.lastBlock ? this.lastLocal : this.localOf(block);
    this.probed = local;
    let slots = this.blockSlots[local] as number;
    if ((this.blockSize[local] as number) * 2 >= slots) slots = this.growBlock(local, slots);
    const base = this.blockBase[local] as number;
    const mask = slots - 1;
    const arena = this.arena;
    for (let slot = mix(k0, k1, k2, k3) & mask; ; slot = (slot + 1) & mask) {
      const at = (base + slot) * STRIDE;
      if (arena[at] === 0) return at;
      if (arena[at + 1] === k0 && arena[at + 2] === k1 && arena[at + 3] === k2 && arena[at + 4] === k3) return at;
    }
  }

  /** Fills the free slot `at` (from `slotOf`) with a key and its index. */
  private put(at: number, index: number, k0: number, k1: number, k2: number, k3: number): void {
    place(this.arena, at, index, k0, k1, k2, k3);
    this.blockSize[this.probed] = (this.blockSize[this.probed] as number) + 1;
  }

  /**
   * Keeps only the entries `keep` accepts, renumbered densely in their old order, and frees the
   * unused space; returns the new index of each old one (-1 when dropped) so the caller can move
   * its columns the same way. The arrays are reused: fresh ones on every flush were garbage that
   * V8 collects late (tens of MB of RSS at 1M rows).
   */
  compact(keep: (index: number) => boolean): Int32Array {
    const count = this.size;
    if (this.moved.length < count) this.moved = new Int32Array(Math.max(count, this.moved.length * 2));
    const moved = this.moved;
    let keptCount = 0;
    for (let i = 0; i < count; i++) moved[i] = keep(i) ? keptCount++ : -1;
    // The kept entries, read out of the live blocks' tables (the space a table left when it moved is skipped).
    if (this.kept.length < keptCount * 6) this.kept = new Uint32Array(keptCount * 6);
    const kept = this.kept;
    const arena = this.arena;
    let n = 0;
    for (let local = 0; local < this.locals.size; local++) {
      const base = this.blockBase[local] as number;
      const slots = this.blockSlots[local] as number;
      for (let s = 0; s < slots; s++) {
        const at = (base + s) * STRIDE;
        const stored = arena[at] as number;
        if (stored === 0) continue;
        const to = moved[stored - 1] as number;
        if (to < 0) continue;
        kept[n] = this.blockId[local] as number;
        kept[n + 1] = to;
        for (let w = 1; w < STRIDE; w++) kept[n + 1 + w] = arena[at + w] as number;
        n += 6;
      }
    }
    this.used = 0;
    this.lastNewBlock = -1;
    this.locals.clear();
    this.lastBlock = -1;
    this.blockSlots.fill(0);
    this.blockSize.fill(0);
    this.size = keptCount;
    for (let e = 0; e < n; e += 6) {
      const k0 = kept[e + 2] as number;
      const k1 = kept[e + 3] as number;
      const k2 = kept[e + 4] as number;
      const k3 = kept[e + 5] as number;
      // Kept keys are distinct, so each gets a free slot.
      this.put(this.slotOf(kept[e] as number, k0, k1, k2, k3), kept[e + 1] as number, k0, k1, k2, k3);
    }
    return moved.subarray(0, count);
  }

  /**
   * The block's own number here: blocks are numbered anew after each `compact`, so the per-block
   * arrays hold only the blocks with entries, however many blocks the file has.
   */
  private localOf(block: number): number {
    let local = this.locals.get(block);
    if (local === undefined) {
      local = this.locals.size;
      this.locals.set(block, local);
      if (local >= this.blockSlots.length) {
        this.blockBase = grown(this.blockBase, local + 1);
        this.blockSlots = grown(this.blockSlots, local + 1);
        this.blockSize = grown(this.blockSize, local + 1);
        this.blockId = grown(this.blockId, local + 1);
      }
      this.blockId[local] = block;
    }
    this.lastBlock = block;
    this.lastLocal = local;
    return local;
  }

  /** Gives block `local` a table twice as large (or its first), with its entries; returns its slots. */
  private growBlock(local: number, slots: number): number {
    const base = this.blockBase[local] as number;
    let next = slots * 2;
    if (slots === 0) {
      // Blocks of a file tend to be alike: sized for as many entries as the last new block has, it rarely grows.
      const previous = this.lastNewBlock < 0 ? 0 : (this.blockSize[this.lastNewBlock] as number);
      next = MIN_BLOCK_SLOTS;
      while (next < previous * 2 + 2 && next < MAX_FIRST_SLOTS) next *= 2;
      this.lastNewBlock = local;
    }
    const isLast = slots > 0 && base + slots === this.used;
    const start = isLast ? base : this.used;
    if ((start + next) * STRIDE > this.arena.length) this.arena = grownArena(this.arena, (start + next) * STRIDE);
    const arena = this.arena;
    // Read from where the entries are: a copy when the new table overlays the old, else in place.
    const scratch = isLast
      ? arena.slice(base * STRIDE, (base + slots) * STRIDE)
      : arena.subarray(base * STRIDE, (base + slots) * STRIDE);
    arena.fill(0, start * STRIDE, (start + next) * STRIDE);
    this.used = start + next;
    this.blockBase[local] = start;
    this.blockSlots[local] = next;
    const mask = next - 1;
    for (let s = 0; s < slots; s++) {
      const from = s * STRIDE;
      const stored = scratch[from] as number;
      if (stored === 0) continue;
      const k0 = scratch[from + 1] as number;
      const k1 = scratch[from + 2] as number;
      const k2 = scratch[from + 3] as number;
      const k3 = scratch[from + 4] as number;
      let slot = mix(k0, k1, k2, k3) & mask;
      while ((arena[(start + slot) * STRIDE] as number) !== 0) slot = (slot + 1) & mask;
      place(arena, (start + slot) * STRIDE, stored - 1, k0, k1, k2, k3);
    }
    return next;
  }
}

function place(slots: Uint32Array, at: number, index: number, k0: number, k1: number, k2: number, k3: number): void {
  slots[at] = index + 1;
  slots[at + 1] = k0;
  slots[at + 2] = k1;
  slots[at + 3] = k2;
  slots[at + 4] = k3;
}

/**
 * The arena at least `length` long, with its contents: half as large again each time, as it is
 * the bulk of the window's memory and doubling left up to half of it unused.
 */
function grownArena(arena: Uint32Array<ArrayBuffer>, length: number): Uint32Array<ArrayBuffer> {
  const next = new Uint32Array(Math.max(length, Math.ceil((arena.length * 1.5) / STRIDE) * STRIDE));
  next.set(arena);
  return next;
}

/** A copy at least `length` long (doubling), with the contents. */
function grown(array: Uint32Array<ArrayBuffer>, length: number): Uint32Array<ArrayBuffer> {
  let size = array.length;
  while (size < length) size *= 2;
  const next = new Uint32Array(size);
  next.set(array);
  return next;
}

/** Spreads packed keys (mostly small integers) over the slots. */
function mix(k0: number, k1: number, k2: number, k3: number): number {
  let h = Math.imul(k0 ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 15) ^ k1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 13) ^ k2, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16) ^ k3, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** A growable column of numbers, indexed like a BlockedTable. */
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

  /** Moves entries as `BlockedTable.compact` renumbered them, in place (new ≤ old index). */
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
