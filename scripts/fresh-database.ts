/** Drops and creates a PostgreSQL database next to DATABASE_URL's and prints its connection string. */
import { sql } from 'kysely';
import { openDatabase } from '../src/core/db/connect.js';

const name = process.argv[2];
if (!name || !/^[a-z_][a-z0-9_]*$/.test(name) || !process.env.DATABASE_URL) {
  console.error('Brug: DATABASE_URL=… tsx scripts/fresh-database.ts <navn>');
  process.exit(2);
}
const admin = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL });
await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
await sql`create database ${sql.id(name)}`.execute(admin.db);
await admin.close();
const url = new URL(process.env.DATABASE_URL);
url.pathname = `/${name}`;
console.log(url.toString());
