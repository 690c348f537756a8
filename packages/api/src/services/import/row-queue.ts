/**
 * Hands rows from a producer that pushes (the validator's `onRow` hook) to a consumer that pulls
 * (`for await`, the staging COPY). `push` returns a promise once `bound` rows wait, settled when
 * the consumer has taken them: the validator awaits it before reading the next 64 kB, so a slow
 * database slows the reader instead of piling rows up in memory. Only the push that fills the
 * queue returns it (the validator awaits every returned promise before reading on), so a full
 * queue costs one promise, not one per row.
 *
 * The iterator is written by hand rather than as an async generator: a row already waiting is
 * handed over as an already-settled promise, without the generator's extra hops per row.
 */
export class RowQueue<T> implements AsyncIterable<T> {
  private waiting: T[] = [];
  private taken: T[] = [];
  private next = 0;
  private wakeConsumer: (() => void) | undefined;
  private room: { promise: Promise<void>; release: () => void } | undefined;
  private isClosed = false;
  private failure: { error: unknown } | undefined;
  private isAbandoned = false;

  constructor(private readonly bound: number) {}

  push(row: T): Promise<void> | undefined {
    // The consumer stopped (its COPY failed): fail the producer too, or it would wait for room forever.
    if (this.isAbandoned) return Promise.reject(new Error('The rows are no longer read: staging stopped.'));
    this.waiting.push(row);
    if (this.wakeConsumer !== undefined) this.wake();
    if (this.waiting.length < this.bound || this.room !== undefined) return undefined;
    let release = () => {};
    const promise = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.room = { promise, release };
    return promise;
  }

  /** No more rows; with an error, the consumer's loop throws it after the rows already queued. */
  close(failure?: { error: unknown }): void {
    this.isClosed = true;
    this.failure = failure;
    this.wake();
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () => this.take(),
      return: () => {
        this.abandon();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }

  private take(): Promise<IteratorResult<T>> {
    if (this.next < this.taken.length) {
      const value = this.taken[this.next++] as T;
      return Promise.resolve({ value, done: false });
    }
    if (this.waiting.length > 0) {
      // Take every waiting row at once: one hand-over per batch, not per row.
      this.taken = this.waiting;
      this.waiting = [];
      this.next = 0;
      this.room?.release();
      this.room = undefined;
      return this.take();
    }
    this.taken = [];
    this.next = 0;
    if (this.isClosed) {
      this.isAbandoned = true;
      if (this.failure) return Promise.reject(this.failure.error);
      return Promise.resolve({ value: undefined, done: true });
    }
    return new Promise<void>((resolve) => {
      this.wakeConsumer = resolve;
    }).then(() => this.take());
  }

  private abandon(): void {
    if (this.isClosed) return;
    this.isAbandoned = true;
    this.waiting = [];
    this.taken = [];
    this.room?.release();
    this.room = undefined;
  }

  private wake(): void {
    const wake = this.wakeConsumer;
    this.wakeConsumer = undefined;
    wake?.();
  }
}
