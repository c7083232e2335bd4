/**
 * 100 parallel reservations of an offering's last free place (PGlite and PostgreSQL): the report row is locked
 * inside each transaction, so exactly one gets 201 and the other 99 get 409 with a Danish message. The report says
 * two free, and a contract made since it has taken one: the path counts contracts as well as reservations.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { offeringOf } from '../testing/access.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let offeringId: number;

before(async () => {
  t = await createTestApp();
  offeringId = await offeringOf(t.db, 316);
  await t.db.updateTable('offering').set({ status: 'aktiv' }).where('id', '=', offeringId).execute();
  const operator = await t.login('demo-tilbudsoekonomi');
  const res = await t.as(operator, { method: 'PUT', url: `/api/offerings/${offeringId}/vacancies`, payload: { freeNow: 2 } });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().reservable, 2);
  const buyer = await t.db
    .selectFrom('organisation')
    .select('id')
    .where('kind', '=', 'municipality')
    .where('municipality_code', '=', 316)
    .executeTakeFirstOrThrow();
  const template = await t.db.selectFrom('contract_template').select('id').orderBy('id').executeTakeFirstOrThrow();
  await t.db
    .insertInto('contract')
    .values({
      offering_id: offeringId,
      buyer_org_id: buyer.id,
      template_id: template.id,
      case_reference: 'HOL-PAR-KONTRAKT',
      start_date: '2027-01-04',
      status: 'accepteret',
      created_at: t.ctx.clock.now(),
      created_by: 'test',
    })
    .execute();
  const check = await t.as(operator, { method: 'GET', url: `/api/offerings/${offeringId}/vacancies` });
  assert.equal(check.json().reservable, 1, 'the contract made since the report takes one of the two places');
});
after(() => t.close());

describe('the last free place', () => {
  it('goes to exactly one of 100 parallel reservations; the others get 409', async () => {
    const token = await t.token('demo-myndighed');
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: `/api/offerings/${offeringId}/reservations`,
          headers: { authorization: `Bearer ${token}` },
          payload: { caseReference: `HOL-PAR-${i}`, startDate: '2027-01-04' },
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    assert.equal(codes.filter((c) => c === 201).length, 1, JSON.stringify(codes));
    assert.equal(codes.filter((c) => c === 409).length, 99, JSON.stringify(codes));
    assert.match(results.find((r) => r.statusCode === 409)!.json().error, /ingen ledig plads/);
    const since = await t.db
      .selectFrom('reservation')
      .select('id')
      .where('offering_id', '=', offeringId)
      .where('case_reference', 'like', 'HOL-PAR-%')
      .execute();
    assert.equal(since.length, 1);
  });
});
