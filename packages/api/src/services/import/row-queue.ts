/**
 * Hands rows from a producer that pushes (the validator's `onRow` hook) to a consumer that pulls
 * (`for await`, the staging COPY). `push` returns a promise once `bound` rows wait, settled when
 * the consumer has taken them: the validator awaits it before reading the next 64 kB, so a slow
 * database slows the reader instead of piling rows up in memory.
 */
export class RowQueue<T> implements AsyncIterable<T> {
  private waiting: T[] = [];
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
    this.wake();
    if (this.waiting.length < this.bound) return undefined;
    if (this.room === undefined) {
      let release = () => {};
      const promise = new Promise<void>((resolve) => {
        release = resolve;
      });
      this.room = { promise, release };
    }
    return this.room.promise;
  }

  /** No more rows; with an error, the consumer's loop throws it after the rows already queued. */
  close(failure?: { error: unknown }): void {
    this.isClosed = true;
    this.failure = failure;
    this.wake();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    try {
      for (;;) {
        if (this.waiting.length > 0) {
          // Take every waiting row at once: one hand-over per batch, not per row.
          const batch = this.waiting;
          this.waiting = [];
          this.room?.release();
          this.room = undefined;
          yield* batch;
          continue;
        }
        if (this.isClosed) {
          if (this.failure) throw this.failure.error;
          return;
        }
        await new Promise<void>((resolve) => {
          this.wakeConsumer = resolve;
        });
      }
    } finally {
      if (!this.isClosed) {
        this.isAbandoned = true;
        this.room?.release();
      }
    }
  }

  private wake(): void {
    const wake = this.wakeConsumer;
    this.wakeConsumer = undefined;
    wake?.();
  }
}
