import { describe, expect, it } from 'vitest';
import {
  createProgressOutput,
  formatBytes,
  formatJobProgress,
  formatPercent,
  formatTransfer,
  renderBar,
} from './progress.js';
import { displayWidth, truncate } from './text-width.js';

describe('sizes and bars', () => {
  it('writes sizes in 1024-based units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 kB');
    expect(formatBytes(200 * 1024 * 1024)).toBe('200 MB');
    expect(formatBytes(3.25 * 1024 ** 3)).toBe('3.3 GB');
  });

  it('draws a bar and a percentage that never pass 100', () => {
    expect(renderBar(0, 10)).toBe('[----------]');
    expect(renderBar(0.45, 10)).toBe('[#####-----]');
    expect(renderBar(2, 10)).toBe('[##########]');
    expect(renderBar(Number.NaN, 4)).toBe('[----]');
    expect(formatPercent(1, 3)).toBe(' 33%');
    expect(formatPercent(5, 3)).toBe('100%');
    expect(formatPercent(0, 0)).toBe('100%');
    expect(formatTransfer(512 * 1024, 1024 * 1024)).toBe(`${renderBar(0.5)}  50%  512 kB / 1.0 MB`);
  });

  it('describes a job by phase, bar and rows', () => {
    const job = { state: 'running', bytesRead: 40, bytesTotal: 100, rowsRead: 120345, attempt: 1, maxAttempts: 3 };
    expect(formatJobProgress({ ...job, phase: 'validating' })).toBe(
      `checking each row  ${renderBar(0.4)}  40%  120,345 rows`,
    );
    expect(formatJobProgress({ ...job, phase: 'queued', rowsRead: 0, attempt: 2 })).toBe(
      'waiting for a worker  attempt 2 of 3',
    );
  });
});

describe('createProgressOutput', () => {
  function capture(isLive: boolean) {
    const written: string[] = [];
    let clock = 0;
    const output = createProgressOutput(
      { write: (text: string) => written.push(text), columns: 40 },
      isLive,
      () => clock,
    );
    return { output, written, tick: (ms: number) => (clock += ms) };
  }

  it('redraws one line on a terminal, at most ten times a second, and clears it for lasting lines', () => {
    const { output, written, tick } = capture(true);
    output.live('Sending 1%');
    output.live('Sending 2%');
    tick(150);
    output.live('Sending 3%');
    output.line('Uploaded: submission 4 of LAO.');
    expect(written).toEqual([
      '\r\x1b[2KSending 1%',
      '\r\x1b[2KSending 3%',
      '\r\x1b[2K',
      'Uploaded: submission 4 of LAO.\n',
    ]);
  });

  it('writes only the lasting lines when not on a terminal (CI logs)', () => {
    const { output, written } = capture(false);
    output.live('Sending 1%');
    output.line('Uploaded: submission 4 of LAO.');
    output.end();
    expect(written).toEqual(['Uploaded: submission 4 of LAO.\n']);
  });

  it('cuts a live line to the terminal width so it never wraps', () => {
    const { output, written } = capture(true);
    output.live(`Sending ${'x'.repeat(100)}`);
    expect(displayWidth(written[0]?.replace('\r\x1b[2K', '') ?? '')).toBe(39);
  });
});

describe('text width', () => {
  it('counts Lao, Thai and Khmer marks as no width and CJK as two', () => {
    expect(displayWidth('ແຮງງານ')).toBe(6);
    expect(displayWidth('ที่')).toBe(1);
    expect(displayWidth('ទិន្នន័យ')).toBe(5);
    expect(displayWidth('数据')).toBe(4);
    expect(truncate('ແຮງງານຕ່າງປະເທດ', 6)).toBe('ແຮງງາ…');
    expect(truncate('short', 10)).toBe('short');
  });
});
