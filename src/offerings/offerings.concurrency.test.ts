/**
 * Parallel changes of one offering (PGlite and PostgreSQL): each PATCH reads the current state under a row
 * lock inside its transaction, so twenty parallel PATCHes of twenty different fields all end up set, and the
 * audit log's "before" of each change is the "after" of the one before it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let offeringId: number;
let current: Record<string, unknown>;

before(async () => {
  t = await createTestApp();
  const holbaek = (
    await t.db.selectFrom('organisation').select('id').where('municipality_code', '=', 316).where('kind', '=', 'municipality').executeTakeFirstOrThrow()
  ).id;
  const candidates = await t.db
    .selectFrom('offering as o')
    .select('o.id')
    .where('o.operator_org_id', '=', holbaek)
    .where('o.status', '=', 'aktiv')
    // The new primary legal basis (SEL-107) and the new extra one (SEL-104) may not clash with the current ones, in whichever order the PATCHes land.
    .where('o.primary_legal_basis', 'not in', ['SEL-104', 'SEL-107'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('offering_legal_basis as x')
            .select('x.offering_id')
            .whereRef('x.offering_id', '=', 'o.id')
            .where('x.legal_basis_code', 'in', ['SEL-104', 'SEL-107']),
        ),
      ),
    )
    .orderBy('o.id')
    .execute();
  offeringId = candidates[0]!.id;
  const s = await t.login('demo-tilbudsoekonomi');
  current = (await t.as(s, { method: 'GET', url: `/api/offerings/${offeringId}` })).json();
});
after(() => t.close());

describe('parallel PATCHes of one offering', () => {
  it('keeps every field of twenty parallel PATCHes, and the audit before/after values chain', async () => {
    const other = <T>(values: T[], now: unknown) => values.find((v) => v !== now)!;
    const patches: Array<Record<string, unknown>> = [
      { name: 'Parallelhuset' },
      { address: 'Parallelvej 20' },
      { postalCode: '4301' },
      { city: 'Parallelby' },
      { places: 77 },
      { ageMin: 1 },
      { ageMax: 110 },
      { description: 'Beskrevet af tyve samtidige ændringer.' },
      { contactName: 'Palle Parallel' },
      { contactEmail: 'palle@example.dk' },
      { contactPhone: '11 22 33 44' },
      { protection: 'forstaerket_samarbejde' },
      { isCovered: !current.isCovered },
      { approvalDate: '2020-02-02' },
      { statusSince: '2021-03-03' },
      { socialtilsynCode: other(['oest', 'hovedstaden'], current.socialtilsynCode) },
      { offeringType: other(['dagtilbud', 'botilbud'], current.offeringType) },
      { targetGroups: ['psyk-angst', 'soc-vold'] },
      { extraLegalBases: ['SEL-104'] },
      { primaryLegalBasis: 'SEL-107' },
    ];
    assert.equal(new Set(patches.map((p) => Object.keys(p)[0])).size, 20);
    const auditBefore = await t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();

    const session = await t.login('demo-tilbudsoekonomi');
    const results = await Promise.all(patches.map((payload) => t.as(session, { method: 'PATCH', url: `/api/offerings/${offeringId}`, payload })));
    assert.deepEqual(
      results.map((r) => r.statusCode),
      patches.map(() => 200),
      results.map((r) => r.body.slice(0, 200)).join('\n'),
    );

    const s = await t.login('demo-tilbudsoekonomi');
    const final = (await t.as(s, { method: 'GET', url: `/api/offerings/${offeringId}` })).json() as Record<string, unknown>;
    for (const p of patches) {
      const [field, value] = Object.entries(p)[0]!;
      assert.deepEqual(final[field], value, `${field} was lost`);
    }

    const log = await t.db
      .selectFrom('audit_log')
      .select(['id', 'before', 'after'])
      .where('entity', '=', 'offering')
      .where('entity_id', '=', String(offeringId))
      .where('id', '>', String(auditBefore.id ?? 0))
      .orderBy('id')
      .execute();
    assert.equal(log.length, 20, 'one audit entry per change');
    const { id: _id, operatorName: _o, municipalityName: _m, agreementAreas: _a, createdAt: _c, updatedAt: _u, ...initial } = current;
    assert.deepEqual(log[0]!.before, initial, 'the first change starts from the stored offering');
    for (let i = 1; i < log.length; i++) assert.deepEqual(log[i]!.before, log[i - 1]!.after, `change ${i + 1} starts where change ${i} ended`);
    const { id: _fid, operatorName: _fo, municipalityName: _fm, agreementAreas: _fa, createdAt: _fc, updatedAt: _fu, ...last } = final;
    assert.deepEqual(log[19]!.after, last, 'the last change ends at the stored offering');
  });
});
