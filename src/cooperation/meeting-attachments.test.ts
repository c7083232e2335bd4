/**
 * A meeting's attachments as their users rely on them: the area's secretariat uploads a PDF, Word, Excel or image
 * file (checked from its bytes, at most 10 MB, the CSRF field first on the form) to the meeting or one of its items;
 * those who may read the minutes list and download it with its content type and Content-Disposition (internal
 * minutes: not a reader token; published: everyone signed in); others may not upload or delete; every upload and
 * deletion is audited without the bytes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../core/clock.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';
import { cleanFilename, contentDisposition, fileKindOf } from './meeting-attachments.logic.js';

let t: TestApp;
let secretariat: Session;
let holbaek: Session;
let provider: Session;
let readerToken: string;
let meetingId: number;
let itemId: number;
let otherItemId: number;

const boundary = '----ramme-bilag';
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n')]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

function multipart(filename: string, content: Buffer, fields: Record<string, string> = {}, csrf?: string) {
  const parts: Buffer[] = [];
  const field = (name: string, value: string) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  if (csrf !== undefined) parts.push(field('_csrf', csrf));
  for (const [k, v] of Object.entries(fields)) parts.push(field(k, v));
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="fil"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
  );
  parts.push(content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return Buffer.concat(parts);
}
const upload = (s: Session | null, filename: string, content: Buffer, fields: Record<string, string> = {}) =>
  t.as(s, {
    method: 'POST',
    url: `/api/meetings/${meetingId}/attachments`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: multipart(filename, content, fields),
  });
const reader = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${readerToken}` } });
const setVisibility = (v: 'intern' | 'medlemmer' | 'offentlig') =>
  t.db.updateTable('coop_meeting').set({ minutes_visibility: v }).where('id', '=', meetingId).execute();

before(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-01T10:00:00Z') });
  secretariat = await t.login('demo-sekretariat');
  holbaek = await t.login('demo-myndighed');
  provider = await t.login('demo-leverandoer');
  readerToken = await t.token('demo-laeser');
  const m = await t.db
    .selectFrom('coop_meeting as m')
    .innerJoin('coop_body as b', 'b.id', 'm.body_id')
    .innerJoin('agreement_area as a', 'a.id', 'b.area_id')
    .innerJoin('coop_agenda_item as i', 'i.meeting_id', 'm.id')
    .select(['m.id', 'i.id as item_id'])
    .where('a.code', '=', 'sjaelland')
    .orderBy('m.id')
    .orderBy('i.position')
    .executeTakeFirstOrThrow();
  meetingId = m.id;
  itemId = m.item_id;
  otherItemId = (await t.db.selectFrom('coop_agenda_item').select('id').where('meeting_id', '<>', meetingId).orderBy('id').executeTakeFirstOrThrow()).id;
  await setVisibility('intern');
});
after(() => t.close());

describe('the pure rules', () => {
  it('accepts a file only when its bytes match its name’s type', () => {
    assert.deepEqual(fileKindOf('Dagsorden.pdf', PDF), { type: 'application/pdf', label: 'PDF' });
    assert.equal((fileKindOf('foto.PNG', PNG) as { type: string }).type, 'image/png');
    assert.ok('problem' in fileKindOf('falsk.pdf', PNG), 'a PNG named .pdf');
    assert.ok('problem' in fileKindOf('script.exe', PDF));
    assert.ok('problem' in fileKindOf('pdf', PDF), 'no ending');
  });

  it('cleans the name and writes a download header every browser understands', () => {
    assert.equal(cleanFilename('C:\\Users\\x\\Bilag\u0000 1.pdf'), 'Bilag 1.pdf');
    assert.equal(cleanFilename(`${'a'.repeat(300)}.pdf`).length, 200);
    assert.ok(cleanFilename(`${'a'.repeat(300)}.pdf`).endsWith('.pdf'));
    assert.equal(contentDisposition('Møde "1".pdf'), `attachment; filename="Moede _1_.pdf"; filename*=UTF-8''M%C3%B8de%20%221%22.pdf`);
  });
});

describe('uploading, listing, downloading and deleting', () => {
  it('takes the secretariat’s file to an item, refuses others, and audits without the bytes', async () => {
    assert.equal((await upload(holbaek, 'x.pdf', PDF)).statusCode, 403, 'a municipality may not upload');
    assert.equal((await upload(null, 'x.pdf', PDF)).statusCode, 401);
    const unknownMeeting = await t.as(secretariat, {
      method: 'POST',
      url: '/api/meetings/999999/attachments',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: multipart('x.pdf', PDF),
    });
    assert.equal(unknownMeeting.statusCode, 404);
    const wrongType = await upload(secretariat, 'program.pdf', PNG);
    assert.equal(wrongType.statusCode, 400);
    assert.match(wrongType.body, /ikke en gyldig PDF-fil/);
    assert.equal((await upload(secretariat, 'virus.exe', PDF)).statusCode, 400);
    const cpr = await upload(secretariat, 'Borger 010203-1234.pdf', PDF);
    assert.equal(cpr.statusCode, 400, 'a CPR number in the name');
    const foreignItem = await upload(secretariat, 'x.pdf', PDF, { agendaItemId: String(otherItemId) });
    assert.equal(foreignItem.statusCode, 400);
    assert.match(foreignItem.body, /agendaItemId/);
    assert.equal((await upload(secretariat, 'tom.pdf', Buffer.alloc(0))).statusCode, 400, 'an empty file');
    const big = await upload(secretariat, 'stor.pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]));
    assert.equal(big.statusCode, 413);
    const stored = await t.db.selectFrom('coop_meeting_attachment').select('id').execute();
    assert.equal(stored.length, 0, 'nothing was saved');

    const ok = await upload(secretariat, 'Bilag 2 – økonomi.pdf', PDF, { agendaItemId: String(itemId) });
    assert.equal(ok.statusCode, 201, ok.body);
    const id = ok.json().id as number;
    const row = await t.db
      .selectFrom('coop_meeting_attachment')
      .select(['agenda_item_id', 'content_type', 'size_bytes'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { agenda_item_id: itemId, content_type: 'application/pdf', size_bytes: PDF.length });
    const logged = await t.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity', '=', 'coop_meeting_attachment')
      .where('entity_id', '=', String(id))
      .execute();
    assert.equal(logged.length, 1);
    const after = logged[0]!.after as Record<string, unknown>;
    assert.equal(after.filename, 'Bilag 2 – økonomi.pdf');
    assert.equal(after.size, PDF.length);
    assert.match(String(after.sha256), /^[0-9a-f]{64}$/);
    assert.ok(!JSON.stringify(after).includes('%PDF'), 'the bytes are not in the audit log');
  });

  it('lets those who may read the minutes list and download it, with its type and name; internal minutes hide it from a reader', async () => {
    const id = (await t.db.selectFrom('coop_meeting_attachment').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    const list = await t.as(secretariat, { method: 'GET', url: `/api/meetings/${meetingId}/attachments` });
    assert.equal(list.statusCode, 200, list.body);
    const a = list.json().attachments[0];
    assert.equal(a.filename, 'Bilag 2 – økonomi.pdf');
    assert.equal(a.agendaItem.id, itemId);
    const file = await t.as(secretariat, { method: 'GET', url: `/api/meetings/${meetingId}/attachments/${id}` });
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.match(
      String(file.headers['content-disposition']),
      /^attachment; filename="Bilag 2 _ oekonomi.pdf"; filename\*=UTF-8''Bilag%202%20%E2%80%93%20%C3%B8konomi\.pdf$/,
    );
    assert.deepEqual(file.rawPayload, PDF);
    const page = await t.as(secretariat, { method: 'GET', url: `/samarbejde/moeder/${meetingId}/bilag/${id}`, headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 200);
    assert.deepEqual(page.rawPayload, PDF);

    assert.equal((await reader(`/api/meetings/${meetingId}/attachments`)).statusCode, 403, 'internal: not for a reader token');
    assert.equal((await reader(`/api/meetings/${meetingId}/attachments/${id}`)).statusCode, 403);
    const shown = await t.as(provider, { method: 'GET', url: `/samarbejde/moeder/${meetingId}`, headers: { accept: 'text/html' } });
    assert.match(shown.body, /Bilagene følger referatet og er interne/);
    assert.doesNotMatch(shown.body, /Bilag 2 – økonomi/);
    await setVisibility('offentlig');
    assert.equal((await reader(`/api/meetings/${meetingId}/attachments`)).statusCode, 200, 'published: everyone signed in');
    assert.equal((await reader(`/api/meetings/${meetingId}/attachments/${id}`)).statusCode, 200);
    assert.equal((await reader(`/api/meetings/${meetingId}/attachments/999999`)).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/meetings/${meetingId}/attachments/${id}` })).statusCode, 401);
    await setVisibility('intern');
  });

  it('deletes by the secretariat only, audited', async () => {
    const id = (await t.db.selectFrom('coop_meeting_attachment').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    const url = `/api/meetings/${meetingId}/attachments/${id}`;
    assert.equal((await t.as(holbaek, { method: 'DELETE', url })).statusCode, 403);
    assert.equal((await t.as(secretariat, { method: 'DELETE', url })).statusCode, 204);
    assert.equal((await t.as(secretariat, { method: 'DELETE', url })).statusCode, 404, 'gone already');
    const logged = await t.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('entity', '=', 'coop_meeting_attachment')
      .where('action', '=', 'delete')
      .execute();
    assert.equal(logged.length, 1);
    assert.equal((logged[0]!.before as { filename?: string }).filename, 'Bilag 2 – økonomi.pdf');
  });
});

describe('the meeting page', () => {
  const pageUpload = (s: Session, filename: string, content: Buffer, csrf?: string, fields: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/samarbejde/moeder/${meetingId}/bilag`,
      headers: { cookie: s.cookie, accept: 'text/html', 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: multipart(filename, content, fields, csrf),
    });

  it('uploads through the form with the CSRF field first, shows the file, refuses a bad one on the form, and deletes it', async () => {
    const view = await t.as(secretariat, { method: 'GET', url: `/samarbejde/moeder/${meetingId}`, headers: { accept: 'text/html' } });
    assert.match(view.body, /enctype="multipart\/form-data"/);
    assert.match(view.body, /Vedhæft filen/);
    const noCsrf = await pageUpload(secretariat, 'foto.png', PNG);
    assert.equal(noCsrf.statusCode, 403, 'no CSRF field');
    const wrong = await pageUpload(secretariat, 'foto.png', PDF, secretariat.csrf);
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Der er fejl i formularen/);
    assert.match(wrong.body, /ikke en gyldig Billede-fil/);
    const ok = await pageUpload(secretariat, 'foto.png', PNG, secretariat.csrf);
    assert.equal(ok.statusCode, 303, ok.body);
    const shown = await t.as(secretariat, { method: 'GET', url: `/samarbejde/moeder/${meetingId}`, headers: { accept: 'text/html' } });
    assert.match(shown.body, /foto\.png/);
    assert.match(shown.body, /Mødets bilag/);
    const id = (await t.db.selectFrom('coop_meeting_attachment').select('id').where('filename', '=', 'foto.png').executeTakeFirstOrThrow()).id;
    const mine = await t.as(holbaek, { method: 'GET', url: `/samarbejde/moeder/${meetingId}`, headers: { accept: 'text/html' } });
    assert.doesNotMatch(mine.body, /Vedhæft filen/, 'no upload form for a municipality');
    const refused = await t.as(holbaek, {
      method: 'POST',
      url: `/samarbejde/moeder/${meetingId}/bilag/${id}/slet`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: `_csrf=${encodeURIComponent(holbaek.csrf)}`,
    });
    assert.equal(refused.statusCode, 403);
    const deleted = await t.as(secretariat, {
      method: 'POST',
      url: `/samarbejde/moeder/${meetingId}/bilag/${id}/slet`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: `_csrf=${encodeURIComponent(secretariat.csrf)}`,
    });
    assert.equal(deleted.statusCode, 303);
    assert.equal((await t.db.selectFrom('coop_meeting_attachment').select('id').where('id', '=', id).execute()).length, 0);
  });
});
