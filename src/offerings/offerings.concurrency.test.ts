/**
 * Parallel changes of one offering (PGlite and PostgreSQL): each PATCH reads the current state under a row
 * lock inside its transaction, so twenty parallel PATCHes of twenty different fields all end up set, and the
 * audit log's "before" of each change is the "after" of the one before it. With If-Match (the ETag of a GET)
 * a change that builds on an older version gets 412 and saves nothing; the edit form carries the version too.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, form, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let offeringId: number;
let current: Record<string, unknown>;
let others: number[];
let session: Session;

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
  others = (
    await t.db.selectFrom('offering').select('id').where('operator_org_id', '=', holbaek).where('id', '!=', offeringId).orderBy('id').limit(2).execute()
  ).map((o) => o.id);
  assert.equal(others.length, 2);
  session = await t.login('demo-tilbudsoekonomi');
  current = (await t.as(session, { method: 'GET', url: `/api/offerings/${offeringId}` })).json();
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

const api = (id: number) => `/api/offerings/${id}`;
const get = (id: number) => t.as(session, { method: 'GET', url: api(id) });
const auditCount = async (id: number) =>
  Number(
    (
      await t.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('entity', '=', 'offering')
        .where('entity_id', '=', String(id))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('versions of an offering (ETag / If-Match)', () => {
  it('answers 412 with a Danish message on a stale If-Match, and saves and logs nothing', async () => {
    const id = others[0]!;
    const read = await get(id);
    const etag = read.headers.etag as string;
    assert.match(etag, /^"\d+"$/);
    const first = await t.as(session, { method: 'PATCH', url: api(id), headers: { 'if-match': etag }, payload: { city: 'Versionby' } });
    assert.equal(first.statusCode, 200, first.body);
    assert.notEqual(first.headers.etag, etag, 'a change raises the version');
    const logged = await auditCount(id);
    const late = await t.as(session, { method: 'PATCH', url: api(id), headers: { 'if-match': etag }, payload: { city: 'Forældetby' } });
    assert.equal(late.statusCode, 412);
    assert.match(late.json().error, /En anden har ændret tilbuddet/);
    assert.equal((await get(id)).json().city, 'Versionby');
    assert.equal(await auditCount(id), logged, 'a refused change leaves no audit row');
    const closeLate = await t.as(session, {
      method: 'POST',
      url: `${api(id)}/close`,
      headers: { 'if-match': etag },
      payload: { status: 'lukket_for_indskrivning', statusSince: '2026-01-01', reason: 'Forældet' },
    });
    assert.equal(closeLate.statusCode, 412);
  });

  it('twenty parallel PATCHes of different fields on one version: each persists or gets 412, none is silently lost', async () => {
    const id = others[1]!;
    const read = await get(id);
    const etag = read.headers.etag as string;
    const patches: Array<Record<string, unknown>> = [
      ...Array.from({ length: 10 }, (_, i) => ({ places: 30 + i })),
      ...Array.from({ length: 10 }, (_, i) => ({ contactName: `Kontakt ${i}` })),
    ].map((p, i) => (i % 2 ? p : { ...p, description: `Ændring ${i}` }));
    const logged = await auditCount(id);
    const results = await Promise.all(patches.map((payload) => t.as(session, { method: 'PATCH', url: api(id), headers: { 'if-match': etag }, payload })));
    const codes = results.map((r) => r.statusCode);
    assert.ok(
      codes.every((c) => c === 200 || c === 412),
      codes.join(','),
    );
    assert.equal(codes.filter((c) => c === 200).length, 1, 'exactly one change builds on the version read');
    const winner = patches[codes.indexOf(200)]!;
    const final = (await get(id)).json();
    for (const [field, value] of Object.entries(winner)) assert.deepEqual(final[field], value, `${field} of the accepted change is stored`);
    assert.equal(await auditCount(id), logged + 1, 'one audit row, for the one change made');
  });

  it('"read, then places + 1" with If-Match: exactly one client wins per version, and retrying clients all count', async () => {
    const id = others[0]!;
    const start = (await get(id)).json().places as number;
    const attempt = async () => {
      const r = await get(id);
      const places = (r.json().places as number) + 1;
      return t.as(session, { method: 'PATCH', url: api(id), headers: { 'if-match': r.headers.etag as string }, payload: { places } });
    };
    // Ten clients read the same version, then all write: one wins.
    const reads = await Promise.all(Array.from({ length: 10 }, () => get(id)));
    const writes = await Promise.all(
      reads.map((r) =>
        t.as(session, {
          method: 'PATCH',
          url: api(id),
          headers: { 'if-match': r.headers.etag as string },
          payload: { places: (r.json().places as number) + 1 },
        }),
      ),
    );
    assert.equal(writes.filter((w) => w.statusCode === 200).length, 1);
    assert.equal(writes.filter((w) => w.statusCode === 412).length, 9);
    assert.equal((await get(id)).json().places, start + 1);
    // Four clients that read again after a 412 and retry: every increment lands.
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let tries = 0; tries < 50; tries++) if ((await attempt()).statusCode === 200) return;
        assert.fail('a client never got its change in');
      }),
    );
    assert.equal((await get(id)).json().places, start + 5);
  });
});

describe('the edit form carries the version', () => {
  it('a stale form post shows the Danish message with what the user typed, and saves nothing; saving again then works', async () => {
    const id = offeringId;
    const html = { accept: 'text/html' };
    const page = await t.as(session, { method: 'GET', url: `/tilbud/${id}/rediger`, headers: html });
    assert.equal(page.statusCode, 200);
    const version = page.body.match(/name="version" value="(\d+)"/)?.[1];
    assert.ok(version, 'the form has the version in a hidden field');
    const stored = (await get(id)).json();
    // Someone else saves meanwhile.
    assert.equal((await t.as(session, { method: 'PATCH', url: api(id), payload: { contactPhone: '99 88 77 66' } })).statusCode, 200);
    const logged = await auditCount(id);
    const { id: _i, operatorName: _o, municipalityName: _m, agreementAreas: _a, createdAt: _c, updatedAt: _u, ...values } = stored;
    const typed = { ...values, name: 'Mit nye navn', isCovered: values.isCovered ? 'on' : undefined, version };
    const post = (fields: Record<string, unknown>) =>
      t.as(session, {
        method: 'POST',
        url: `/tilbud/${id}/rediger`,
        headers: { ...html, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ _csrf: session.csrf, ...(fields as Record<string, string>) }),
      });
    const stale = await post(typed);
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /En anden har ændret tilbuddet, mens du redigerede det/);
    assert.match(stale.body, /value="Mit nye navn"/, 'what the user typed is kept');
    const after = (await get(id)).json();
    assert.equal(after.name, stored.name, 'nothing is saved');
    assert.equal(after.contactPhone, '99 88 77 66', "the other user's change stays");
    assert.equal(await auditCount(id), logged);
    const fresh = stale.body.match(/name="version" value="(\d+)"/)?.[1];
    assert.ok(fresh && fresh !== version, 'the form shown again carries the current version');
    const again = await post({ ...typed, contactPhone: '99 88 77 66', version: fresh });
    assert.equal(again.statusCode, 303, again.body.slice(0, 300));
    assert.equal((await get(id)).json().name, 'Mit nye navn');
    const missing = await post({ ...typed, version: undefined });
    assert.equal(missing.statusCode, 400, 'a form without a version is refused');
  });
});
