/**
 * Every temporary file of uploads, jobs and findings starts with this (`ilms-tmp-upload-…`,
 * `ilms-tmp-job-…`, `ilms-tmp-findings-…`), so a worker starting can clear what a killed
 * process left behind (`removeStaleJobFiles`).
 */
export const TEMP_FILE_PREFIX = 'ilms-tmp-';
