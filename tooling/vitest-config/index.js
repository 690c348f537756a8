// @ts-check
/** Export conditions that make workspace packages resolve to their TypeScript source. */
export const sourceConditions = ['@ilms/source', 'node'];
