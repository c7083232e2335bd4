/**
 * The audit log page: entities are named, linked and their fields labelled from what the capabilities
 * declare, an unknown type by its technical name; the secretariat sees its area's changes and the system's,
 * not another area's; everyone else is refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { audit } from '../core/audit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { changedFields, describeEntity } from './audit.service.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

/** An actor of a new user in the municipality (by code). */
async function actorIn(municipalityCode: number, username: string) {
  const org = await t.db.selectFrom('organisation').select(['id', 'name']).where('municipality_code', '=', municipalityCode).executeTakeFirstOrThrow();
  const { id } = await t.db
    .insertInto('app_user')
    .values({ username, display_name: username, organisation_id: org.id, password_hash: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    userId: id,
    username,
    displayName: username,
    organisationId: org.id,
    organisationName: org.name,
    organisationKind: 'municipality' as const,
    areaIds: [],
    roles: [],
    via: 'token' as const,
  };
}

const page = async (username: string, url: string) => t.as(await t.login(username), { method: 'GET', url, headers: { accept: 'text/html' } });

describe('audit log page', () => {
  it('names, links and labels entities from the capabilities, and falls back to the technical name', async () => {
    const actor = await actorIn(316, 'test-holbaek');
    await audit(
      t.db,
      { actor, request: { id: 'req-1', ip: '192.0.2.7' } },
      { entity: 'offering', entityId: 4242, action: 'update', before: { places: 10 }, after: { places: 12 } },
    );
    await audit(t.db, null, { entity: 'mystery_thing', entityId: 'x-1', action: 'create', after: { someField: 'a' } });
    const res = await page('demo-sekretariat', '/log');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Tilbud <a href="\/tilbud\/4242">nr\. 4242<\/a>/);
    assert.match(res.body, /<strong>Normerede pladser<\/strong>: 10 → 12/);
    assert.match(res.body, /<code>req-1<\/code> fra 192\.0\.2\.7/);
    assert.match(res.body, /mystery_thing x-1/);
    assert.match(res.body, /<strong>someField<\/strong>/);
    assert.match(res.body, /<option value="mystery_thing"[^>]*>mystery_thing<\/option>/);
    assert.match(res.body, /<option value="offering"[^>]*>Tilbud<\/option>/);
  });
  it('shows a secretariat its own area, not another area’s municipalities', async () => {
    const actor = await actorIn(461, 'test-odense');
    await audit(t.db, actor, { entity: 'offering', entityId: 777001, action: 'create', after: { places: 1 } });
    assert.match((await page('demo-sekretariat', '/log?entityId=777001')).body, /Ingen ændringer matcher filtrene/);
    const holbaek = await actorIn(316, 'test-holbaek-2');
    await audit(t.db, holbaek, { entity: 'offering', entityId: 777002, action: 'create', after: { places: 1 } });
    assert.match((await page('demo-sekretariat', '/log?entityId=777002')).body, /test-holbaek-2/);
  });
  it('filters by the sign-in actions too', async () => {
    const res = await page('demo-sekretariat', '/log?action=sign_in');
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /Filtrene kunne ikke læses/);
    assert.match(res.body, /Logget ind/);
  });
  it('refuses everyone but the secretariat', async () => {
    for (const u of ['demo-myndighed', 'demo-tilbudsoekonomi', 'demo-leverandoer', 'demo-laeser']) assert.equal((await page(u, '/log')).statusCode, 403, u);
    const anonymous = await t.app.inject({ method: 'GET', url: '/log', headers: { accept: 'text/html' } });
    assert.equal(anonymous.statusCode, 302);
  });
});

describe('audit helpers', () => {
  it('lists only the changed fields', () => {
    assert.deepEqual(changedFields({ a: 1, b: 'x' }, { a: 1, b: 'y', c: null }), [
      { field: 'b', before: 'x', after: 'y' },
      { field: 'c', before: '–', after: '(tom)' },
    ]);
  });
  it('describes an undeclared entity type by its name', () => {
    assert.deepEqual(describeEntity({}, 'thing'), { label: 'thing' });
  });
});
