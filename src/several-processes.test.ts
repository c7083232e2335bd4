/**
 * Several Ramme processes on one PostgreSQL database behave as one: two servers start together, both queue the
 * reminder job and the person gets exactly one e-mail, and a waiting invitation is mailed exactly once; a session made on one works on the other; 100 parallel
 * reservations of the last free place, split over both, give exactly one success. (PGlite is one process's
 * embedded database: this test needs PostgreSQL, and runs in the suite's PostgreSQL run.)
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { sql } from 'kysely';
import { capabilities } from './capabilities.js';
import { issueApiToken } from './core/auth/auth.service.js';
import { readConfig } from './core/config.js';
import { callContext, createAppContext } from './core/context.js';
import { openDatabase, type Database } from './core/db/connect.js';
import { offeringOf } from './testing/access.js';
import { suiteClock } from './testing/clock.js';
import { mailText, startTestSmtp, type TestSmtp } from './testing/smtp.js';
import { TEMPLATE_DB } from './testing/template.js';

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
      RAMME_DEMO: '1',
      RAMME_SMTP_URL: smtp.url,
      RAMME_RUN_NOW: 'reminders,invitation-mails',
      RAMME_CLOCK: suiteClock().now().toISOString(),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  child.on('exit', (code, signal) => logs.push(`\n[process on ${port} ended: ${code ?? signal}]\n`));
  return child;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ports = [3900 + (process.pid % 90) * 2, 3901 + (process.pid % 90) * 2];
const logs: string[] = [];
const at = (i: number, path: string) => `http://127.0.0.1:${ports[i]}${path}`;
const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith(`${name}=`));
const skip = !base && 'needs PostgreSQL (DATABASE_URL)';

test('two processes on one database send a reminder and an invitation once', { skip, timeout: 300_000 }, async () => {
  const db = database!.db;
  const user = await db.selectFrom('app_user').select(['id', 'organisation_id']).where('username', '=', 'demo-region').executeTakeFirstOrThrow();
  await db.insertInto('reminder_setting').values({ user_id: user.id, email: 'rikke@regionsjaelland.example', days_before: 7, muted: [] }).execute();
  // An invitation waiting for its e-mail, as the administrator's invitation leaves it.
  const invited = await db
    .insertInto('app_user')
    .values({
      username: 'ivan.inviteret',
      display_name: 'Ivan Inviteret',
      email: 'ivan@regionsjaelland.example',
      organisation_id: user.organisation_id,
      password_hash: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const now = suiteClock().now();
  await db
    .insertInto('user_invitation')
    .values({
      user_id: invited.id,
      kind: 'password',
      token_hash: null,
      mail_to: 'ivan@regionsjaelland.example',
      created_at: now,
      expires_at: new Date(now.getTime() + 7 * 86_400_000),
      accepted_at: null,
      mail_claimed_at: null,
      mail_sent_at: null,
      mail_error: null,
    })
    .execute();
  for (const p of ports) {
    const c = startRamme(p);
    c.stdout?.on('data', (d: Buffer) => logs.push(d.toString()));
    c.stderr?.on('data', (d: Buffer) => logs.push(d.toString()));
  }
  // Both must be up before anything is asserted: on a loaded machine one can take half a minute to start.
  const ready = Date.now() + 150_000;
  const health = async (i: number) => (await fetch(at(i, '/api/health')).catch(() => null))?.ok === true;
  while (!((await health(0)) && (await health(1))) && Date.now() < ready) await sleep(500);
  assert.ok((await health(0)) && (await health(1)), `both processes answer (logs: ${logs.join('').slice(-2000)})`);
  const deadline = Date.now() + 90_000;
  const toRikke = () => smtp.messages.filter((m) => m.to.includes('rikke@regionsjaelland.example'));
  while (toRikke().length === 0 && Date.now() < deadline) await sleep(500);
  assert.ok(toRikke().length > 0, `a reminder arrived (logs: ${logs.join('').slice(-2000)})`);
  // Both processes have polled for the job by now (every 10 s); still one message.
  await sleep(12_000);
  assert.equal(toRikke().length, 1);
  assert.match(mailText(toRikke()[0]!.data), /Indsend takst \d{4}/);
  const toIvan = smtp.messages.filter((m) => m.to.includes('ivan@regionsjaelland.example'));
  assert.equal(toIvan.length, 1, `one invitation e-mail (logs: ${logs.join('').slice(-2000)})`);
  assert.match(mailText(toIvan[0]!.data), /\/invitation\/[A-Za-z0-9_-]{43}/);
  const started = logs.join('').match(/Ramme kører på/g)?.length ?? 0;
  assert.equal(started, 2, `both processes were running (logs: ${logs.join('').slice(-3000)})`);
});

test('a session made on one process works on the other', { skip, timeout: 60_000 }, async () => {
  const loginPage = await fetch(at(0, '/login'));
  const csrf = cookieOf(loginPage, 'ramme_csrf')!;
  const signedIn = await fetch(at(0, '/login/demo'), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf },
    body: new URLSearchParams({ username: 'demo-myndighed', _csrf: csrf.split('=')[1]! }).toString(),
  });
  assert.equal(signedIn.status, 303);
  const session = cookieOf(signedIn, 'ramme_session');
  assert.ok(session, 'signed in on the first process');
  const profile = await fetch(at(1, '/profil'), { headers: { cookie: session, accept: 'text/html' }, redirect: 'manual' });
  assert.equal(profile.status, 200);
  assert.match(await profile.text(), /Mads Myndighed/);
});

test('100 parallel reservations of the last free place over both processes: exactly one succeeds', { skip, timeout: 120_000 }, async () => {
  const app = createAppContext({ db: database!.db, config: readConfig({ NODE_ENV: 'test' }), capabilities });
  const operator = (await issueApiToken(callContext(app, null), 'demo-tilbudsoekonomi', 'test')).token;
  const buyer = (await issueApiToken(callContext(app, null), 'demo-myndighed', 'test')).token;
  const offeringId = await offeringOf(database!.db, 316);
  await database!.db.updateTable('offering').set({ status: 'aktiv' }).where('id', '=', offeringId).execute();
  const json = { 'content-type': 'application/json' };
  const report = await fetch(at(0, `/api/offerings/${offeringId}/vacancies`), {
    method: 'PUT',
    headers: { ...json, authorization: `Bearer ${operator}` },
    body: JSON.stringify({ freeNow: 1 }),
  });
  assert.equal(report.status, 200, await report.clone().text());
  const results = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      fetch(at(i % 2, `/api/offerings/${offeringId}/reservations`), {
        method: 'POST',
        headers: { ...json, authorization: `Bearer ${buyer}` },
        body: JSON.stringify({ caseReference: `HOL-TO-${i}`, startDate: '2027-01-04' }),
      }),
    ),
  );
  const codes = results.map((r) => r.status);
  assert.equal(codes.filter((c) => c === 201).length, 1, JSON.stringify(codes));
  assert.equal(codes.filter((c) => c === 409).length, 99, JSON.stringify(codes));
});
