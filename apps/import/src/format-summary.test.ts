import { describe, expect, it } from 'vitest';
import { formatFindingGroups } from './format-summary.js';

describe('formatFindingGroups', () => {
  it('counts by severity and lists each code with its first lines and message', () => {
    const text = formatFindingGroups([
      { code: 'DECIMAL_COMMA', severity: 'error', count: 7, firstLines: [2, 5, 9], firstMessage: 'Line 2: "1,5" …' },
      { code: 'WRONG_COUNTRY', severity: 'error', count: 1, firstLines: [3] },
      { code: 'TOO_MANY_DECIMALS', severity: 'warning', count: 1, firstLines: [4], firstMessage: 'Line 4: …' },
    ]);
    expect(text).toBe(
      [
        'Findings: 8 errors, 1 warning',
        '',
        'ERROR DECIMAL_COMMA × 7 (lines 2, 5, 9, …)',
        '  Line 2: "1,5" …',
        '',
        'ERROR WRONG_COUNTRY × 1 (lines 3)',
        '',
        'WARNING TOO_MANY_DECIMALS × 1 (lines 4)',
        '  Line 4: …',
        '',
      ].join('\n'),
    );
  });

  it('says when there is nothing to fix', () => {
    expect(formatFindingGroups([])).toBe('Findings: 0 errors, 0 warnings\n');
  });
});
