import type { ColumnType, Generated } from 'kysely';

/**
 * Table types for Kysely. Each migration that adds a table adds its interface here;
 * the migrations themselves stay frozen and never import this file.
 */
export interface Database {
  app_setting: AppSettingTable;
}

export interface AppSettingTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Generated<Date>;
}
