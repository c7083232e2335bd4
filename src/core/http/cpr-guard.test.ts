/**
 * Ramme stores no CPR number. Every write endpoint in the OpenAPI document refuses a CPR number in each of its
 * text fields with a Danish message on the field (as "010190-1234" and as "0101901234"); so do forms, imports
 * and query values, and the audit log refuses one as the last line of defence. Afterwards no row in the
 * audit log holds one.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { audit } from '../audit.js';
import { callContext } from '../context.js';
import { CPR_MESSAGE, looksLikeCpr } from '../cpr.js';
import { HttpError } from '../errors.js';
import { createTestApp, form, type Session, type TestApp } from '../../testing/test-app.js';
import { cprErrors } from './input-guard.js';

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[]; items?: Schema };
type Operation = { requestBody?: { content?: Record<string, { schema?: Schema }> }; parameters?: Array<{ in: string; name: string; schema?: Schema }> };
type Document = { paths: Record<string, Record<string, Operation>> };

const CPRS = ['Borger 010190-1234', '0101901234'];

let t: TestApp;
let token: string;
let sec: Session;

before(async () => {
  t = await createTestApp();
  token = await t.token('demo-sekretariat');
  sec = await t.login('demo-sekretariat');
});
after(() => t.close());

const isText = (s: Schema | undefined): boolean =>
  !!s && ([s.type].flat().includes('string') || [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])].some(isText));
const propertiesOf = (s: Schema | undefined): Record<string, Schema> =>
  Object.assign({}, s?.properties, ...[...(s?.anyOf ?? []), ...(s?.oneOf ?? []), ...(s?.allOf ?? [])].map(propertiesOf));

describe('the CPR guard', () => {
  it('refuses a CPR number in every text field of every JSON write endpoint, naming the field', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Document;
    const failures: string[] = [];
    let checked = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
        const schema = op.requestBody?.content?.['application/json']?.schema;
        const texts = Object.entries(propertiesOf(schema)).filter(([, s]) => isText(s) || (s.type === 'array' && isText(s.items)));
        if (!texts.length) continue;
        const url = path.replace(/\{[^}]+\}/g, '1');
        for (const [i, cpr] of CPRS.entries()) {
          const body = Object.fromEntries(texts.map(([name, s]) => [name, s.type === 'array' ? [cpr] : cpr]));
          const res = await t.app.inject({ method: method.toUpperCase() as 'POST', url, headers: { authorization: `Bearer ${token}` }, payload: body });
          checked++;
          const fields = (res.json() as { fields?: Record<string, string[]> }).fields ?? {};
          const refused = texts.filter(([name]) =>
            Object.entries(fields).some(([f, m]) => (f === name || f.startsWith(`${name}.`)) && m.includes(CPR_MESSAGE)),
          );
          if (res.statusCode !== 400 || refused.length !== texts.length)
            failures.push(`${method.toUpperCase()} ${path} (${i}): ${res.statusCode} ${res.body.slice(0, 160)}`);
        }
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(checked >= 40, `only ${checked} write calls had text fields`);
  });

  it('refuses a CPR number in a form, a query value and an imported row', async () => {
    const page = await t.as(sec, {
      method: 'POST',
      url: '/profil/noegler',
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: sec.csrf, name: 'nøgle 010190-1234' }),
    });
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /CPR-nummer/);
    const query = await t.app.inject({ method: 'GET', url: '/api/offerings?q=0101901234', headers: { authorization: `Bearer ${token}` } });
    assert.equal(query.statusCode, 400);
    assert.deepEqual(query.json().fields, { q: [CPR_MESSAGE] });

    const boundary = '----ramme';
    const header =
      'Navn;Driftsform;Adresse;Postnummer;By;Kommunekode;Tilbudstype;Primært lovgrundlag;Målgrupper;Normerede pladser;Alder fra;Alder til;Status siden;Socialtilsyn';
    const content = `${header}\nBorger 0101901234;kommunal;Vej 1;4300;Holbæk;316;botilbud;SEL-108;kog-autisme;10;18;99;2026-01-01;oest\n`;
    const economist = await t.login('demo-tilbudsoekonomi');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/offerings/import',
      headers: { cookie: economist.cookie, 'x-csrf-token': economist.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="fil"; filename="tilbud.csv"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`,
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.ok(
      (res.json().rows as Array<{ field: string; message: string }>).some((r) => r.field === 'name' && r.message.includes('CPR')),
      res.body,
    );
  });

  it('lets phone numbers, CVR and EAN numbers, passwords and the CSRF token through', () => {
    assert.deepEqual(cprErrors([{ contactPhone: '12 34 56 78', cvr: '12345678', ean: '5798000012345', password: '0101901234', _csrf: '0101901234' }]), {});
  });

  it('refuses an audit event that holds a CPR number, and no audit row holds one', async () => {
    const ctx = callContext(t.ctx, null);
    await assert.rejects(
      () => audit(t.db, ctx, { entity: 'offering', entityId: 1, action: 'update', after: { description: 'se 010190-1234' } }),
      (e: unknown) => e instanceof HttpError && e.statusCode === 400 && !!e.fieldErrors.description,
    );
    const rows = await sql<{
      text: string;
    }>`select coalesce(before::text, '') || ' ' || coalesce(after::text, '') || ' ' || entity_id as text from audit_log`.execute(t.db);
    assert.ok(rows.rows.length > 0);
    assert.deepEqual(
      rows.rows.filter((r) => looksLikeCpr(r.text)),
      [],
    );
  });
});
