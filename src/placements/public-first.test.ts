import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPublicFirst, type PublicFirstInput } from './public-first.js';

const now = new Date('2026-12-01T10:00:00Z');
const base: PublicFirstInput = {
  operatorType: 'privat',
  rule: { isPublicFirst: true, searchDays: 30 },
  buyerOrgId: 7,
  search: { organisationId: 7, madeAt: new Date('2026-11-20T10:00:00Z'), publicWithPlaceCount: 0 },
  reasonCode: null,
  reasonText: null,
  reasonCodes: ['behov', 'afstand', 'eget_valg', 'ventetid'],
  now,
};

describe('public-first check', () => {
  it('is not required for municipal and regional offerings, nor where the rule does not apply', () => {
    assert.deepEqual(checkPublicFirst({ ...base, operatorType: 'kommunal', search: null }), { ok: true, isRequired: false, basis: 'not_required' });
    assert.deepEqual(checkPublicFirst({ ...base, rule: { isPublicFirst: false, searchDays: 30 }, search: null }), {
      ok: true,
      isRequired: false,
      basis: 'not_required',
    });
    assert.equal(checkPublicFirst({ ...base, rule: null, search: null }).ok, true);
  });

  it('passes a private purchase backed by a recent search that showed no public offering with a free place', () => {
    assert.deepEqual(checkPublicFirst(base), { ok: true, isRequired: true, basis: 'none_free' });
    assert.equal(checkPublicFirst({ ...base, operatorType: 'selvejende' }).ok, true);
  });

  it('refuses without a search, with another municipality’s search, or with one older than the rule allows', () => {
    assert.equal(checkPublicFirst({ ...base, search: null }).ok, false);
    assert.equal(checkPublicFirst({ ...base, search: { ...base.search!, organisationId: 8 } }).ok, false);
    // 30 days and one minute before now.
    const old = checkPublicFirst({ ...base, search: { ...base.search!, madeAt: new Date(now.getTime() - 30 * 86_400_000 - 60_000) } });
    assert.equal(old.ok, false);
    assert.match((old as { message: string }).message, /mere end 30 dage/);
    assert.equal(checkPublicFirst({ ...base, search: { ...base.search!, madeAt: new Date(now.getTime() - 30 * 86_400_000) } }).ok, true);
  });

  it('needs a listed reason and a text when the search showed public offerings with a free place', () => {
    const shown = { ...base, search: { ...base.search!, publicWithPlaceCount: 2 } };
    assert.equal(checkPublicFirst(shown).ok, false);
    assert.equal(checkPublicFirst({ ...shown, reasonCode: 'ukendt', reasonText: 'x' }).ok, false);
    assert.equal(checkPublicFirst({ ...shown, reasonCode: 'afstand', reasonText: '  ' }).ok, false);
    assert.deepEqual(checkPublicFirst({ ...shown, reasonCode: 'afstand', reasonText: 'Borgerens netværk bor i Nakskov.' }), {
      ok: true,
      isRequired: true,
      basis: 'reason',
    });
  });
});
