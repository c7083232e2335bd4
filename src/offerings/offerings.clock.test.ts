/**
 * The register's "today" comes from the app clock, in Danish time: at 00:30 in Copenhagen on 2 December
 * (23:30 UTC on 1 December) it is 2 December for forms, date checks and export names, not 1 December.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../core/clock.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let holbaekOffering: number;

before(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-01T23:30:00Z') });
  const holbaek = (
    await t.db.selectFrom('organisation').select('id').where('municipality_code', '=', 316).where('kind', '=', 'municipality').executeTakeFirstOrThrow()
  ).id;
  holbaekOffering = (
    await t.db
      .selectFrom('offering')
      .select('id')
      .where('operator_org_id', '=', holbaek)
      .where('status', '=', 'aktiv')
      .where('status_since', '<', '2026-12-01')
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;
});
after(() => t.close());

describe('the offerings register at 00:30 Danish time', () => {
  it('offers today’s Danish date in the forms', async () => {
    const s = await t.login('demo-tilbudsoekonomi');
    const create = await t.as(s, { method: 'GET', url: '/tilbud/ny', headers: { accept: 'text/html' } });
    assert.match(create.body, /name="statusSince"[^>]*value="2026-12-02"|value="2026-12-02"[^>]*name="statusSince"/);
    const close = await t.as(s, { method: 'GET', url: `/tilbud/${holbaekOffering}/luk`, headers: { accept: 'text/html' } });
    assert.match(close.body, /value="2026-12-02"/);
  });

  it('accepts today’s Danish date and refuses tomorrow’s', async () => {
    const s = await t.login('demo-tilbudsoekonomi');
    const tomorrow = await t.as(s, { method: 'PATCH', url: `/api/offerings/${holbaekOffering}`, payload: { approvalDate: '2026-12-03' } });
    assert.equal(tomorrow.statusCode, 400);
    assert.match(tomorrow.json().fields.approvalDate[0], /fremtiden/);
    const today = await t.as(s, { method: 'PATCH', url: `/api/offerings/${holbaekOffering}`, payload: { approvalDate: '2026-12-02' } });
    assert.equal(today.statusCode, 200, today.body);
    const closed = await t.as(s, {
      method: 'POST',
      url: `/api/offerings/${holbaekOffering}/close`,
      payload: { status: 'under_afvikling', statusSince: '2026-12-02', reason: 'Byrådet besluttede det i nat.' },
    });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal(closed.json().statusSince, '2026-12-02');
  });

  it('names the export after today’s Danish date', async () => {
    const s = await t.login('demo-myndighed');
    const csv = await t.as(s, { method: 'GET', url: '/tilbud/eksport.csv?municipality=316' });
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-disposition']), /tilbudsregister-2026-12-02\.csv/);
  });
});
