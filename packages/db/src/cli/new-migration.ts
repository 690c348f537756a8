import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_FOLDER } from '../migrate.js';

const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9_]*$/.test(name)) {
  process.stderr.write('Usage: pnpm db:new <name>   (lower-case letters, digits and _; e.g. add_submission)\n');
  process.exit(2);
}

// Timestamp names keep migrations in the order they were written, whoever wrote them.
const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 13);
const file = path.join(MIGRATIONS_FOLDER, `${stamp}_${name}.ts`);
if (existsSync(file)) {
  process.stderr.write(`${file} exists already; wait a minute or choose another name.\n`);
  process.exit(1);
}
writeFileSync(
  file,
  `import type { Kysely } from 'kysely';

// Frozen in time: use Kysely<any> and never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('${name}').addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity()).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('${name}').execute();
}
`,
);
process.stdout.write(`Created ${path.relative(process.cwd(), file)}\n`);
