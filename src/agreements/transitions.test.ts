/**
 * State transitions of the agreement cycle are safe under concurrency: the status and the council decisions
 * are re-checked inside their transaction (row lock, conditional update), so of 20 identical calls fired at
 * once exactly one wins and the others get 409 with a Danish message. Run on PGlite and on PostgreSQL
 * (`DATABASE_URL=… bash scripts/run-node-tests.sh src/agreements/transitions.test.ts`), where the calls
 * really run in parallel on a pool of connections.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../core/clock.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const api = async (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
  tokens[user] ??= await t.token(user);
  const res = await t.app.inject({ method, url, payload: payload as never, headers: { authorization: `Bearer ${tokens[user]}` } });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
};
const times = <T>(n: number, run: () => Promise<T>) => Promise.all(Array.from({ length: n }, run));
const statuses = (results: Array<{ status: number }>) => results.map((r) => r.status).sort((a, b) => a - b);

let agreementId: number;

before(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-01T12:00:00+01:00') });
  await Promise.all(['demo-sekretariat', 'demo-naestved'].map(async (u) => (tokens[u] = await t.token(u))));
  const created = await api('demo-sekretariat', 'POST', '/api/agreements', {
    title: 'Samtidighed 2029-2030',
    periodStart: '2029-01-01',
    periodEnd: '2030-12-31',
    preparationStart: '2026-01-01',
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  agreementId = created.body.id;
});
after(() => t.close());

describe('concurrent state transitions', () => {
  test('20 parallel status changes of one agreement: exactly one wins, the rest get 409 in Danish', async () => {
    const results = await times(20, () =>
      api('demo-sekretariat', 'POST', `/api/agreements/${agreementId}/status`, { status: 'til_godkendelse', note: 'Sendt til godkendelse' }),
    );
    assert.deepEqual(statuses(results), [200, ...Array(19).fill(409)]);
    for (const r of results.filter((x) => x.status === 409))
      assert.match(r.body.error, /Aftalen kan ikke gå fra "Til godkendelse" til "Til godkendelse"|netop ændret af en anden/);
    const events = await t.db
      .selectFrom('agreement_status_event')
      .select('status')
      .where('agreement_id', '=', agreementId)
      .where('status', '=', 'til_godkendelse')
      .execute();
    assert.equal(events.length, 1, 'one status event, not one per call');
    const audited = await t.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity', '=', 'agreement')
      .where('entity_id', '=', String(agreementId))
      .where('action', '=', 'update')
      .execute();
    assert.equal(audited.length, 1);
  });

  test('20 parallel identical decisions at one council’s approval: exactly one wins, the rest get 409 in Danish', async () => {
    const members = (await api('demo-sekretariat', 'GET', `/api/agreements/${agreementId}`)).body.members as Array<{ id: number; name: string }>;
    const naestved = members.find((m) => m.name === 'Næstved Kommune')!;
    const decision = { decision: 'godkendt', decidedOn: '2026-11-20', reference: 'Byrådets møde 20.11.2026, punkt 7' };
    const results = await times(20, () => api('demo-naestved', 'PUT', `/api/agreements/${agreementId}/approvals/${naestved.id}`, decision));
    assert.deepEqual(statuses(results), [200, ...Array(19).fill(409)]);
    for (const r of results.filter((x) => x.status === 409)) assert.match(r.body.error, /Beslutningen for Næstved Kommune er allerede registreret/);
    assert.deepEqual(results.find((r) => r.status === 200)!.body, { status: 'til_godkendelse', approved: 1, total: members.length });
    const audited = await t.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity', '=', 'agreement_approval')
      .where('entity_id', '=', `${agreementId}:${naestved.id}`)
      .execute();
    assert.equal(audited.length, 1, 'one registration in the audit log');
    // A correction (another reference) is a change, and is saved.
    const corrected = await api('demo-naestved', 'PUT', `/api/agreements/${agreementId}/approvals/${naestved.id}`, {
      ...decision,
      reference: 'Byrådets møde 20.11.2026, punkt 8',
    });
    assert.equal(corrected.status, 200);
  });

  test('every other member approving at the same moment: each decision counts and the agreement becomes approved once', async () => {
    const members = (await api('demo-sekretariat', 'GET', `/api/agreements/${agreementId}`)).body.members as Array<{ id: number; name: string }>;
    const others = members.filter((m) => m.name !== 'Næstved Kommune');
    const results = await Promise.all(
      others.map((m) => api('demo-sekretariat', 'PUT', `/api/agreements/${agreementId}/approvals/${m.id}`, { decision: 'godkendt', decidedOn: '2026-11-21' })),
    );
    assert.deepEqual(statuses(results), Array(others.length).fill(200));
    assert.equal(results.filter((r) => r.body.status === 'godkendt').length, 1, 'exactly one decision completes the approval');
    const agreement = await api('demo-sekretariat', 'GET', `/api/agreements/${agreementId}`);
    assert.equal(agreement.body.status, 'godkendt');
    assert.equal(agreement.body.approval.text, `${members.length} af ${members.length} har godkendt`);
    const events = await t.db
      .selectFrom('agreement_status_event')
      .select('status')
      .where('agreement_id', '=', agreementId)
      .where('status', '=', 'godkendt')
      .execute();
    assert.equal(events.length, 1);
  });
});
