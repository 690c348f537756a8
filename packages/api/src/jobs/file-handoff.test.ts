import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileHandoff } from './file-handoff.js';

async function someFile(name: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'ilms-handoff-')), name);
  await writeFile(file, 'ref_area\nLAO\n');
  return file;
}

describe('FileHandoff', () => {
  it('gives an offered file to the first taker only', async () => {
    const handoff = new FileHandoff();
    const file = await someFile('a.csv');
    await handoff.offer(7, file);
    expect(handoff.take(8)).toBeUndefined();
    expect(handoff.take(7)).toBe(file);
    expect(handoff.take(7)).toBeUndefined();
    expect(existsSync(file)).toBe(true);
  });

  it('deletes files nobody took once they are too old, and keeps younger ones', async () => {
    const handoff = new FileHandoff(60_000);
    const old = await someFile('old.csv');
    await handoff.offer(1, old);
    const young = await someFile('young.csv');
    await handoff.dropExpired(Date.now() + 61_000);
    await handoff.offer(2, young);
    expect(existsSync(old)).toBe(false);
    expect(handoff.take(1)).toBeUndefined();
    expect(handoff.take(2)).toBe(young);
    expect(existsSync(young)).toBe(true);
  });
});
