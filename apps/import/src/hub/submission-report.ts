import { type FindingGroupSummary, formatFindingGroups } from '../format-summary.js';
import { formatDiff } from './format-hub.js';
import type { Hub } from './hub-session.js';
import type { SubmissionDetail } from './hub-types.js';

/** How many lines each code lists, and how many codes get their lines fetched. */
const LINES_PER_CODE = 5;
const CODES_WITH_LINES = 25;

type StoredGroup = SubmissionDetail['findings'][number];

/**
 * The findings by code with each code's first lines and first message: `submissions.get` gives
 * the counts; one `submissions.findings` page per code gives the lines.
 */
async function collectFindingGroups(
  hub: Hub,
  country: string,
  id: number,
  groups: StoredGroup[],
): Promise<FindingGroupSummary[]> {
  return Promise.all(
    groups.map(async (group, index) => {
      if (index >= CODES_WITH_LINES) {
        return { ...group, firstLines: group.first_line === null ? [] : [group.first_line] };
      }
      const { items } = await hub.call((c) =>
        c.submissions.findings.query({
          country,
          id,
          code: group.code,
          severity: group.severity,
          limit: LINES_PER_CODE,
        }),
      );
      return {
        code: group.code,
        severity: group.severity,
        count: group.count,
        firstLines: [...new Set(items.map((item) => item.line).filter((line): line is number => line !== null))],
        firstMessage: items[0]?.message,
      };
    }),
  );
}

export async function formatFindingsOf(hub: Hub, country: string, id: number, groups: StoredGroup[]) {
  return formatFindingGroups(await collectFindingGroups(hub, country, id, groups));
}

export async function formatDiffOf(hub: Hub, country: string, id: number) {
  const diff = await hub.call((c) => c.submissions.diff.query({ country, id, sampleSize: 0 }));
  return formatDiff(diff.mode, diff.counts);
}
