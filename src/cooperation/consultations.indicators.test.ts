/**
 * Principle 3's indicators on hand-made data: a closure consulted (a finished case opened before the decision)
 * counts, an unconsulted one does not, one consulted only after the decision does not, an open case does not; a
 * re-labelling counts with a re-labelling case; decisions outside the 12 months are left out. A single-person offering
 * (one place) created after a finished inquiry linked to it counts; one without, or with the inquiry opened after,
 * does not. Per municipality (the operator) and for the area, with the rows behind them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../core/clock.js';
import type { IndicatorResult } from '../core/indicators.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { closuresConsultedShare, consultedBefore, periodUpTo, shares, singlePersonInquiredShare } from './consultations.indicators.js';

let t: TestApp;
let areaId: number;
const DATE = '2026-12-01';
type Offering = { id: number; operator_org_id: number; name: string };
let offerings: Offering[];

before(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-01T10:00:00Z') });
  areaId = (await t.db.selectFrom('agreement_area').select('id').where('code', '=', 'sjaelland').executeTakeFirstOrThrow()).id;
  const members = t.db.selectFrom('agreement_area_member').select('organisation_id').where('area_id', '=', areaId);
  offerings = await t.db
    .selectFrom('offering as o')
    .innerJoin('offering_type as ot', 'ot.code', 'o.offering_type')
    .select(['o.id', 'o.operator_org_id', 'o.name'])
    .where('ot.is_residential', '=', true)
    .where('o.is_covered', '=', true)
    .where('o.operator_org_id', 'in', members)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('coop_consultation as c').select('c.id').whereRef('c.offering_id', '=', 'o.id'))))
    .orderBy('o.id')
    .limit(8)
    .execute();
  assert.ok(offerings.length >= 8, 'the demo data has enough covered residential offerings in Sjælland');
});
after(() => t.close());

async function decide(o: Offering, change: 'close' | 'relabel', on: string) {
  const before = { status: 'aktiv', statusSince: '2020-01-01', offeringType: 'botilbud', targetGroups: ['a', 'b'] };
  const after =
    change === 'close' ? { ...before, status: 'lukket', statusSince: on } : { ...before, offeringType: 'botilbudslignende', targetGroups: ['b', 'a'] };
  await t.db
    .insertInto('audit_log')
    .values({
      at: new Date(`${on}T10:00:00Z`),
      actor_username: 'test',
      entity: 'offering',
      entity_id: String(o.id),
      action: 'update',
      before: JSON.stringify(before),
      after: JSON.stringify(after),
    })
    .execute();
}

async function consult(o: Offering | null, kind: 'lukning' | 'omlaegning' | 'enkeltmandstilbud', opened: string, finished: boolean, resultOfferingId?: number) {
  await t.db
    .insertInto('coop_consultation')
    .values({
      area_id: areaId,
      kind,
      offering_id: o?.id ?? null,
      opener_org_id: o?.operator_org_id ?? offerings[0]!.operator_org_id,
      title: 'Testsag',
      description: 'Testsag',
      deadline: opened,
      status: finished ? 'afsluttet' : 'aaben',
      outcome: finished ? 'Drøftet.' : null,
      decision_text: finished ? 'Besluttet.' : null,
      decision_on: finished ? opened : null,
      result: resultOfferingId ? 'oprettet' : null,
      result_offering_id: resultOfferingId ?? null,
      created_at: new Date(`${opened}T10:00:00Z`),
      created_by: 'test',
    })
    .execute();
}

const rowOf = (r: IndicatorResult, id: number) => r.rows.filter((x) => x.id === id);

describe('the pure parts', () => {
  it('takes the 12 months up to the date, a leap day too', () => {
    assert.deepEqual(periodUpTo('2026-12-01'), { from: '2025-12-02', to: '2026-12-01' });
    assert.deepEqual(periodUpTo('2028-02-29'), { from: '2027-03-01', to: '2028-02-29' });
  });

  it('counts a finished case opened strictly before the date only', () => {
    const c = (status: string, created_on: string) => ({ id: 1, status, created_on });
    assert.ok(consultedBefore([c('afsluttet', '2026-03-01')], '2026-06-01'));
    assert.equal(consultedBefore([c('afsluttet', '2026-06-01')], '2026-06-01'), null, 'opened on the day of the decision');
    assert.equal(consultedBefore([c('afsluttet', '2026-07-01')], '2026-06-01'), null, 'opened after the decision');
    assert.equal(consultedBefore([c('aaben', '2026-03-01')], '2026-06-01'), null, 'not finished');
  });

  it('gives exact shares per member and for the area, leaving out members without rows', () => {
    const r = shares(
      [
        { organisationId: 1, isCounted: true },
        { organisationId: 1, isCounted: false },
        { organisationId: 1, isCounted: false },
        { organisationId: 2, isCounted: true },
      ],
      [
        { id: 1, name: 'A' },
        { id: 2, name: 'B' },
        { id: 3, name: 'C' },
      ],
    );
    assert.deepEqual(r.area, { value: '50.0', numerator: 2, denominator: 4 });
    assert.deepEqual(
      r.perMember.map((m) => [m.name, m.value]),
      [
        ['A', '33.3'],
        ['B', '100.0'],
      ],
    );
  });
});

describe('closures and re-labellings consulted before the decision', () => {
  it('counts the consulted closure and re-labelling, not the unconsulted, the late or the open one, per operator', async () => {
    const baseline = await closuresConsultedShare.compute(t.db, { areaId, date: DATE });
    const [consulted, unconsulted, late, openCase, relabelled, old] = offerings;
    await decide(consulted!, 'close', '2026-06-01');
    await consult(consulted!, 'lukning', '2026-03-01', true);
    await decide(unconsulted!, 'close', '2026-06-01');
    await decide(late!, 'close', '2026-06-01');
    await consult(late!, 'lukning', '2026-07-01', true);
    await decide(openCase!, 'close', '2026-06-01');
    await consult(openCase!, 'lukning', '2026-03-01', false);
    await decide(relabelled!, 'relabel', '2026-05-10');
    await consult(relabelled!, 'omlaegning', '2026-04-01', true);
    await decide(old!, 'close', '2025-06-01');
    await consult(old!, 'lukning', '2025-03-01', true);

    const r = await closuresConsultedShare.compute(t.db, { areaId, date: DATE });
    assert.equal(r.area.denominator, baseline.area.denominator! + 5, 'the closure of 2025 is outside the 12 months');
    assert.equal(r.area.numerator, baseline.area.numerator! + 2);
    assert.deepEqual(
      rowOf(r, consulted!.id).map((x) => [x.decision, x.decidedOn, x.isConsulted, x.consultationOpened]),
      [['Lukning', '2026-06-01', true, '2026-03-01']],
    );
    assert.deepEqual(
      rowOf(r, unconsulted!.id).map((x) => x.isConsulted),
      [false],
    );
    assert.deepEqual(
      rowOf(r, late!.id).map((x) => x.isConsulted),
      [false],
      'consulted only after the decision',
    );
    assert.deepEqual(
      rowOf(r, openCase!.id).map((x) => x.isConsulted),
      [false],
      'the case is not finished',
    );
    assert.deepEqual(
      rowOf(r, relabelled!.id).map((x) => [x.decision, x.isConsulted]),
      [['Omlægning', true]],
    );
    assert.equal(rowOf(r, old!.id).length, 0);
    assert.ok(r.columns.every((c) => c.label.length > 0 && Object.keys(r.rows[0]!).includes(c.key)));

    // Per municipality: each operator's own share matches its rows.
    for (const m of r.perMember) {
      const own = r.rows.filter((x) => x.municipality === m.name);
      assert.equal(m.denominator, own.length);
      assert.equal(m.numerator, own.filter((x) => x.isConsulted).length);
    }
    const consultedOrg = r.perMember.find((m) => m.organisationId === consulted!.operator_org_id);
    assert.ok(consultedOrg && consultedOrg.numerator! >= 1);
  });

  it('does not count a closure consulted as a re-labelling, nor a re-labelling that only reorders the target groups', async () => {
    const [, , , , , , wrongKind] = offerings;
    await decide(wrongKind!, 'close', '2026-09-01');
    await consult(wrongKind!, 'omlaegning', '2026-08-01', true);
    const r = await closuresConsultedShare.compute(t.db, { areaId, date: DATE });
    assert.deepEqual(
      rowOf(r, wrongKind!.id).map((x) => x.isConsulted),
      [false],
    );
    const reordered = offerings[7]!;
    const same = { status: 'aktiv', offeringType: 'botilbud', targetGroups: ['a', 'b'] };
    await t.db
      .insertInto('audit_log')
      .values({
        at: new Date('2026-10-01T10:00:00Z'),
        actor_username: 'test',
        entity: 'offering',
        entity_id: String(reordered.id),
        action: 'update',
        before: JSON.stringify(same),
        after: JSON.stringify({ ...same, targetGroups: ['b', 'a'] }),
      })
      .execute();
    const again = await closuresConsultedShare.compute(t.db, { areaId, date: DATE });
    assert.equal(rowOf(again, reordered.id).length, 0);
  });
});

describe('single-person offerings created with an inquiry first', () => {
  it('counts the one-place offering with a finished inquiry opened before it, not the others', async () => {
    const baseline = await singlePersonInquiredShare.compute(t.db, { areaId, date: DATE });
    const [inquired, alone, lateInquiry, bigLinked] = offerings;
    const created = async (o: Offering, on: string, places: number) =>
      t.db
        .updateTable('offering')
        .set({ places, created_at: new Date(`${on}T10:00:00Z`) })
        .where('id', '=', o.id)
        .execute();
    await created(inquired!, '2026-08-01', 1);
    await consult(null, 'enkeltmandstilbud', '2026-06-01', true, inquired!.id);
    await created(alone!, '2026-08-01', 1);
    await created(lateInquiry!, '2026-08-01', 1);
    await consult(null, 'enkeltmandstilbud', '2026-09-01', true, lateInquiry!.id);
    await created(bigLinked!, '2026-09-01', 2);
    await consult(null, 'enkeltmandstilbud', '2026-05-01', true, bigLinked!.id);

    const r = await singlePersonInquiredShare.compute(t.db, { areaId, date: DATE });
    assert.equal(r.area.denominator, baseline.area.denominator! + 4);
    assert.equal(r.area.numerator, baseline.area.numerator! + 2);
    assert.deepEqual(
      rowOf(r, inquired!.id).map((x) => [x.places, x.createdOn, x.hasInquiry, x.consultationOpened]),
      [[1, '2026-08-01', true, '2026-06-01']],
    );
    assert.deepEqual(
      rowOf(r, alone!.id).map((x) => x.hasInquiry),
      [false],
    );
    assert.deepEqual(
      rowOf(r, lateInquiry!.id).map((x) => x.hasInquiry),
      [false],
      'the inquiry came after the offering',
    );
    assert.deepEqual(
      rowOf(r, bigLinked!.id).map((x) => x.hasInquiry),
      [true],
      'linked by the recorded result',
    );
    for (const m of r.perMember) assert.equal(m.denominator, r.rows.filter((x) => x.municipality === m.name).length);
  });

  it('is registered through the cooperation capability for an agreement to use', async () => {
    const { capabilities } = await import('../capabilities.js');
    const codes = capabilities.flatMap((c) => (c.indicators ?? []).map((i) => i.code));
    assert.ok(codes.includes('cooperation.closures-consulted'));
    assert.ok(codes.includes('cooperation.single-person-inquired'));
  });
});
