/**
 * Outcome beside price on the offering page and in the place search: from the follow-ups of the offering's
 * contracts, with the citizens behind each figure, withheld below the dated minimum (five).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../core/clock.js';
import { acceptedContracts, dayPricedOffering, orgOfUser } from '../testing/settlement-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';
import { outcomesOfOfferings } from './settlement.public.js';

let t: TestApp;
let reader: Session;
let offeringId: number;
let contracts: number[];
let buyer: number;

const followUp = (contractId: number, heldOn: string, level: number, decision: 'fortsaet' | 'nedtrapning' = 'fortsaet') =>
  t.db
    .insertInto('followup')
    .values({
      contract_id: contractId,
      buyer_org_id: buyer,
      due_date: heldOn,
      held_on: heldOn,
      status_report: 'Statusrapport',
      scale: 'funktionsevne',
      level,
      note: null,
      decision,
      new_level: null,
      amendment_number: null,
      recorded_at: new Date('2026-06-01T10:00:00Z'),
      recorded_by: 'test',
    })
    .execute();

before(async () => {
  t = await createTestApp({ clock: fixedClock('2026-06-15T10:00:00Z') });
  reader = await t.login('demo-laeser');
  const seller = await orgOfUser(t.db, 'demo-tilbudsoekonomi');
  buyer = await orgOfUser(t.db, 'demo-naestved');
  const offering = await dayPricedOffering(t.db, seller, 2026);
  offeringId = offering.offeringId;
  await t.db
    .deleteFrom('followup')
    .where('contract_id', 'in', t.db.selectFrom('contract').select('id').where('offering_id', '=', offeringId))
    .execute();
  contracts = await acceptedContracts(t.db, {
    offeringId,
    buyerOrgId: buyer,
    periods: Array.from({ length: 5 }, () => ({ start: '2025-01-10', end: null, level: offering.level })),
  });
});
after(() => t.close());

describe('outcome beside price', () => {
  it('withholds the figures with fewer than five citizens, on the offering page too', async () => {
    const [a, b] = contracts as [number, number];
    await followUp(a, '2025-04-10', 4);
    await followUp(a, '2025-10-10', 3);
    await followUp(b, '2025-04-10', 3, 'nedtrapning');
    const o = (await outcomesOfOfferings(t.db, [offeringId], '2026-06-15')).get(offeringId)!;
    assert.equal(o.improvement, null);
    assert.equal(o.minCitizens, 5);
    const page = await t.as(reader, { method: 'GET', url: `/tilbud/${offeringId}`, headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Resultater ved siden af prisen/);
    assert.match(page.body, /vises ikke, færre end 5 borgere fulgt op/);
  });

  it('shows the share improved and the number of citizens once five are followed up (3 of 5 = 60,0 %)', async () => {
    const [, b, c, d, e] = contracts as [number, number, number, number, number];
    await followUp(b, '2025-10-10', 2); // 3 → 2: better
    await followUp(c, '2025-04-10', 2);
    await followUp(c, '2025-10-10', 2); // same
    await followUp(d, '2025-04-10', 5);
    await followUp(d, '2025-12-10', 4); // better
    await followUp(e, '2025-04-10', 2);
    await followUp(e, '2026-03-10', 1); // after 12 months: the last within 12 months is the first → not better
    const o = (await outcomesOfOfferings(t.db, [offeringId], '2026-06-15')).get(offeringId)!;
    assert.equal(o.improvementCitizens, 4, 'e has one follow-up within 12 months');
    assert.equal(o.improvement, null);
    await followUp(e, '2025-09-10', 2);
    const shown = (await outcomesOfOfferings(t.db, [offeringId], '2026-06-15')).get(offeringId)!;
    assert.deepEqual([shown.improvementCitizens, shown.improvement], [5, { improved: 3, percent: '60.0' }]);
    const page = await t.as(reader, { method: 'GET', url: `/tilbud/${offeringId}`, headers: { accept: 'text/html' } });
    assert.match(page.body, /60,0 % \(3 af 5 borgere\)/);
  });

  it('the minimum is dated data: the rule in force decides', async () => {
    await t.db.updateTable('followup_rule').set({ outcome_min_citizens: 1 }).execute();
    const o = (await outcomesOfOfferings(t.db, [offeringId], '2026-06-15')).get(offeringId)!;
    assert.deepEqual(o.stepDown, { medianDays: 90 });
    await t.db.updateTable('followup_rule').set({ outcome_min_citizens: 5 }).execute();
  });
});
