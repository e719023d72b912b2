/**
 * Creates (or drops) a throw-away PostgreSQL database next to the one in DATABASE_URL, for the e2e server.
 * `create` prints the new database's URL; `drop <url>` removes it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

async function main(): Promise<void> {
  const [command, target] = process.argv.slice(2);
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set');
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    if (command === 'create') {
      const name = `onsplan_e2e_${Date.now()}_${randomBytes(3).toString('hex')}`;
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(base);
      url.pathname = `/${name}`;
      process.stdout.write(url.toString());
    } else if (command === 'drop' && target) {
      const name = new URL(target).pathname.slice(1);
      if (!/^onsplan_e2e_[0-9a-z_]+$/.test(name)) throw new Error(`refusing to drop ${name}`);
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } else {
      throw new Error('usage: fresh-database.ts create | drop <url>');
    }
  } finally {
    await admin.end();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
