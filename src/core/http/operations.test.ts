/**
 * Operations: live and ready checks, Prometheus metrics behind their token, the structured request log
 * (request id, no personal data), and migrations under a lock so two starting processes do not both migrate.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { capabilities } from '../../capabilities.js';
import type { Capability } from '../capability.js';
import { openDatabase } from '../db/connect.js';
import { allMigrations, migrateToLatest } from '../db/migrate.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { buildApp } from './app.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

describe('health and readiness', () => {
  it('is live and ready on a migrated database', async () => {
    for (const url of ['/api/health', '/api/ready']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      assert.deepEqual(res.json(), { status: 'ok' });
    }
  });

  it('is not ready while a migration of its code is missing from the database', async () => {
    const newer: Capability = { name: 'nyere', migrations: { '0099_not_yet': { up: async () => {} } } };
    const app = await buildApp({ ...t.ctx, capabilities: [...t.ctx.capabilities, newer] });
    const ready = await app.inject({ method: 'GET', url: '/api/ready' });
    assert.equal(ready.statusCode, 503);
    assert.match(ready.json().error, /mangler 1 migrationer \(0099_not_yet\)/);
    assert.equal((await app.inject({ method: 'GET', url: '/api/health' })).statusCode, 200, 'still live');
    await app.close();
  });
});

describe('metrics', () => {
  it('answers 404 without a configured token, 401 with a wrong one, and the metrics with the right one', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode, 404);
    const app = await buildApp({ ...t.ctx, config: { ...t.ctx.config, metricsToken: 'hemmelig-metrik' } });
    await app.inject({ method: 'GET', url: '/api/health' });
    assert.equal((await app.inject({ method: 'GET', url: '/metrics' })).statusCode, 401);
    assert.equal((await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer forkert' } })).statusCode, 401);
    const res = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer hemmelig-metrik' } });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/plain/);
    assert.match(res.body, /ramme_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} 1/);
    assert.match(res.body, /ramme_process_cpu_user_seconds_total/);
    await app.close();
  });
});

describe('the request log', () => {
  it('writes one JSON line per request with its request id and no personal data', async () => {
    const lines: string[] = [];
    const app = await buildApp({ ...t.ctx, config: { ...t.ctx.config, logLevel: 'info' } }, { logStream: { write: (l) => void lines.push(l) } });
    const token = await t.token('demo-sekretariat');
    const res = await app.inject({
      method: 'GET',
      url: '/api/offerings?q=Hans%20Hansen&pageSize=1',
      headers: { authorization: `Bearer ${token}`, cookie: 'ramme_session=hemmelig-session' },
      remoteAddress: '192.0.2.44',
    });
    assert.equal(res.statusCode, 200);
    const invitationToken = 'Q'.repeat(43);
    await app.inject({ method: 'GET', url: `/invitation/${invitationToken}`, headers: { accept: 'text/html' } });
    await app.close();
    assert.ok(lines.join('').includes('/invitation/…'), 'an invitation link is logged without its token');
    assert.ok(!lines.join('').includes(invitationToken), 'the log holds an invitation token');
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const mine = entries.filter((e) => e.reqId === res.headers['x-request-id']);
    assert.ok(mine.length >= 2, lines.join(''));
    assert.ok(mine.some((e) => (e.req as { path?: string } | undefined)?.path === '/api/offerings'));
    assert.ok(mine.some((e) => (e.res as { statusCode?: number } | undefined)?.statusCode === 200));
    for (const secret of ['Hansen', token, 'hemmelig-session', '192.0.2.44']) assert.ok(!lines.join('').includes(secret), `the log holds ${secret}`);
  });
});

describe('migrations', () => {
  it('run once when two processes start at the same time: the second waits for the lock and finds nothing to do', async () => {
    const url = process.env.DATABASE_URL;
    const all = Object.keys(allMigrations(capabilities)).sort();
    if (!url) {
      const db = await openDatabase({ kind: 'pglite-memory' });
      const [a, b] = await Promise.all([migrateToLatest(db.db, capabilities), migrateToLatest(db.db, capabilities)]);
      assert.deepEqual([...a, ...b].sort(), all);
      await db.close();
      return;
    }
    const name = `ramme_mig_${process.pid}_${Date.now() % 100000}`;
    const admin = await openDatabase({ kind: 'postgres', url });
    await sql`create database ${sql.id(name)}`.execute(admin.db);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const one = await openDatabase({ kind: 'postgres', url: target.toString() });
    const two = await openDatabase({ kind: 'postgres', url: target.toString() });
    try {
      const [a, b] = await Promise.all([migrateToLatest(one.db, capabilities), migrateToLatest(two.db, capabilities)]);
      assert.deepEqual([...a, ...b].sort(), all, 'every migration applied exactly once');
      assert.ok(a.length === 0 || b.length === 0, 'one process did all of it');
    } finally {
      await one.close();
      await two.close();
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
      await admin.close();
    }
  });
});
