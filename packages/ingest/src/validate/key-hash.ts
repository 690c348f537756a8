/**
 * A 64-bit hash of a series key built field by field, so no key string is ever concatenated.
 * Two independent 32-bit FNV-1a style streams; at 4 million keys the chance of any false match
 * is below one in a million (birthday bound 2^-64 × n²/2).
 */
export class KeyHash {
  a = 0;
  b = 0;

  reset(seed: number): this {
    this.a = Math.imul(0x811c9dc5 ^ seed, 0x01000193) >>> 0;
    this.b = Math.imul(0x9747b28c ^ seed, 0x5bd1e995) >>> 0;
    return this;
  }

  from(other: KeyHash, seed: number): this {
    this.a = Math.imul(other.a ^ seed, 0x01000193) >>> 0;
    this.b = Math.imul(other.b ^ (seed + 0x3f), 0x5bd1e995) >>> 0;
    return this;
  }

  add(text: string): this {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 13;
    }
    this.a = Math.imul(a ^ 0x1f, 0x01000193) >>> 0;
    this.b = Math.imul(b ^ 0x1f, 0x5bd1e995) >>> 0;
    return this;
  }
}

/** Open-addressing table from a 64-bit key hash to a dense index 0, 1, 2 … in insertion order. */
export class HashIndex {
  private slotsA: Uint32Array;
  private slotsB: Uint32Array;
  private slotIndex: Int32Array;
  size = 0;
  /** Whether the last `findOrAdd` added the key. */
  isNew = false;

  constructor(initialSlots = 1 << 16) {
    this.slotsA = new Uint32Array(initialSlots);
    this.slotsB = new Uint32Array(initialSlots);
    this.slotIndex = new Int32Array(initialSlots).fill(-1);
  }

  /** Bytes held by the table itself. */
  get bytes(): number {
    return this.slotsA.length * 12;
  }

  findOrAdd(h: KeyHash): number {
    if ((this.size + 1) * 10 > this.slotsA.length * 7) this.grow();
    const mask = this.slotsA.length - 1;
    let slot = (h.a ^ Math.imul(h.b, 0x9e3779b1)) & mask;
    for (;;) {
      const index = this.slotIndex[slot] ?? -1;
      if (index < 0) {
        this.slotsA[slot] = h.a;
        this.slotsB[slot] = h.b;
        this.slotIndex[slot] = this.size;
        this.isNew = true;
        return this.size++;
      }
      if (this.slotsA[slot] === h.a && this.slotsB[slot] === h.b) {
        this.isNew = false;
        return index;
      }
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const { slotsA, slotsB, slotIndex } = this;
    const length = slotsA.length * 2;
    this.slotsA = new Uint32Array(length);
    this.slotsB = new Uint32Array(length);
    this.slotIndex = new Int32Array(length).fill(-1);
    const mask = length - 1;
    for (let i = 0; i < slotsA.length; i++) {
      const index = slotIndex[i] ?? -1;
      if (index < 0) continue;
      const a = slotsA[i] ?? 0;
      const b = slotsB[i] ?? 0;
      let slot = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
      while ((this.slotIndex[slot] ?? -1) >= 0) slot = (slot + 1) & mask;
      this.slotsA[slot] = a;
      this.slotsB[slot] = b;
      this.slotIndex[slot] = index;
    }
  }
}

/** A growable column of numbers, indexed like a HashIndex. */
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

  get bytes(): number {
    return this.data.byteLength;
  }
}
