import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { CodeSummary, FindingCollector } from '../findings/collector.js';
import type { Annotated } from './annotated.js';
import { mergeLateAnnotations } from './annotated.js';
import { ReportWriter } from './report-writer.js';

export interface ReportPaths {
  csv: string;
  json: string;
  annotated: string;
}

const READ_LIMIT_NOTE = 'findings past the limit are counted per code but not listed';

/** A file's name without its data extensions, for the names of its reports (`lao.csv.gz` -> `lao`). */
export function reportBaseName(file: string): string {
  return basename(file)
    .replace(/\.(csv|txt|tsv|xlsx)(\.gz)?$/i, '')
    .replace(/\.gz$/i, '');
}

/** Creates the report folder and starts findings.csv and findings.json; the annotated copy opens with the reader. */
export async function openReports(file: string, outDir: string): Promise<{ paths: ReportPaths; writer: ReportWriter }> {
  const name = reportBaseName(file);
  await mkdir(outDir, { recursive: true });
  const paths = {
    csv: join(outDir, 'findings.csv'),
    json: join(outDir, 'findings.json'),
    annotated: join(outDir, `${name}.annotated.csv`),
  };
  return { paths, writer: new ReportWriter(paths.csv, paths.json) };
}

/** Adds the late findings to the annotated copy and ends findings.json with the summary. */
export async function closeReports(
  file: string,
  findings: FindingCollector,
  annotated: Annotated | undefined,
  writer: ReportWriter | undefined,
  extra: { unitMultiplier: number; summary: CodeSummary[] },
): Promise<void> {
  if (annotated) {
    await annotated.close();
    await mergeLateAnnotations(annotated, findings.late);
  }
  await writer?.close({
    file,
    total: findings.total,
    stored: findings.stored,
    errors: findings.errors,
    warnings: findings.warnings,
    findingLimit: findings.limit,
    note: READ_LIMIT_NOTE,
    unitMultiplier: extra.unitMultiplier,
    summary: extra.summary,
  });
}
