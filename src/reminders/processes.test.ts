/**
 * Several Ramme processes on one PostgreSQL database behave as one: two servers start together, both queue the
 * reminder job, and the person gets exactly one e-mail. (PGlite is one process's embedded database: this test
 * needs PostgreSQL, and runs in the suite's PostgreSQL run.)
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../core/db/connect.js';
import { suiteClock } from '../testing/clock.js';
import { mailText, startTestSmtp, type TestSmtp } from '../testing/smtp.js';
import { TEMPLATE_DB } from '../testing/template.js';

const base = process.env.DATABASE_URL;
const name = `ramme_t_procs_${process.pid}`;
let smtp: TestSmtp;
let database: Database | undefined;
const children: ChildProcess[] = [];
const urlOf = (db: string) => {
  const u = new URL(base!);
  u.pathname = `/${db}`;
  return u.toString();
};

before(async () => {
  if (!base) return;
  smtp = await startTestSmtp();
  const admin = await openDatabase({ kind: 'postgres', url: base });
  await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
  await sql`create database ${sql.id(name)} template ${sql.id(TEMPLATE_DB)}`.execute(admin.db);
  await admin.close();
  database = await openDatabase({ kind: 'postgres', url: urlOf(name) });
});

after(async () => {
  for (const c of children) c.kill('SIGKILL');
  await database?.close();
  if (!base) return;
  await smtp.close();
  const admin = await openDatabase({ kind: 'postgres', url: base });
  await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
  await admin.close();
});

function startRamme(port: number): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: urlOf(name),
      PORT: String(port),
      RAMME_SEED: '0',
      RAMME_DEMO: '0',
      RAMME_SMTP_URL: smtp.url,
      RAMME_RUN_NOW: 'reminders',
      RAMME_CLOCK: suiteClock().now().toISOString(),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('two processes on one database send a reminder once', { skip: !base && 'needs PostgreSQL (DATABASE_URL)', timeout: 120_000 }, async () => {
  const db = database!.db;
  const user = await db.selectFrom('app_user').select('id').where('username', '=', 'demo-region').executeTakeFirstOrThrow();
  await db.insertInto('reminder_setting').values({ user_id: user.id, email: 'rikke@regionsjaelland.example', days_before: 7, muted: [] }).execute();
  const port = 3900 + (process.pid % 90);
  const logs: string[] = [];
  for (const p of [port, port + 1]) {
    const c = startRamme(p);
    c.stdout?.on('data', (d: Buffer) => logs.push(d.toString()));
    c.stderr?.on('data', (d: Buffer) => logs.push(d.toString()));
  }
  const deadline = Date.now() + 90_000;
  const toRikke = () => smtp.messages.filter((m) => m.to.includes('rikke@regionsjaelland.example'));
  while (toRikke().length === 0 && Date.now() < deadline) await sleep(500);
  assert.ok(toRikke().length > 0, `a reminder arrived (logs: ${logs.join('').slice(-2000)})`);
  // Both processes have polled for the job by now (every 10 s); still one message.
  await sleep(12_000);
  assert.equal(toRikke().length, 1);
  assert.match(mailText(toRikke()[0]!.data), /Indsend takst \d{4}/);
  const started = logs.join('').match(/Ramme kører på/g)?.length ?? 0;
  assert.equal(started, 2, 'both processes were running');
});
