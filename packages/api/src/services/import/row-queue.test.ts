import { describe, expect, it } from 'vitest';
import { RowQueue } from './row-queue.js';

describe('RowQueue', () => {
  it('asks the producer to wait once the bound is reached, until the consumer takes the rows', async () => {
    const queue = new RowQueue<number>(2);
    expect(queue.push(1)).toBeUndefined();
    const wait = queue.push(2);
    expect(wait).toBeInstanceOf(Promise);
    let isReleased = false;
    void wait?.then(() => {
      isReleased = true;
    });
    const rows = queue[Symbol.asyncIterator]();
    expect(await rows.next()).toEqual({ value: 1, done: false });
    await wait;
    expect(isReleased).toBe(true);
    queue.close();
    expect(await rows.next()).toEqual({ value: 2, done: false });
    expect(await rows.next()).toEqual({ value: undefined, done: true });
  });

  it('fails the producer when the consumer stops early, and the consumer when the producer fails', async () => {
    const abandoned = new RowQueue<number>(10);
    abandoned.push(1);
    for await (const _ of abandoned) break;
    await expect(abandoned.push(2)).rejects.toThrow('no longer read');

    const failed = new RowQueue<number>(10);
    failed.push(1);
    failed.close({ error: new Error('unclosed') });
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const n of failed) seen.push(n);
      })(),
    ).rejects.toThrow('unclosed');
    expect(seen).toEqual([1]);
  });
});
