import type { ColumnType, Generated } from 'kysely';
import type { AccountTables } from './accounts.schema.js';
import type { CatalogueTables } from './catalogue/catalogue.schema.js';
import type { SubmissionTables } from './submission/submission.schema.js';

/**
 * Table types for Kysely. Each migration that adds a table adds its interface here;
 * the migrations themselves stay frozen and never import this file.
 */
export interface Database extends CatalogueTables, AccountTables, SubmissionTables {
  app_setting: AppSettingTable;
}

export interface AppSettingTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Generated<Date>;
}
