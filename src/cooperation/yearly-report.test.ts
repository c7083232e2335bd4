/**
 * An area's yearly report as its readers rely on it: for Sjælland 2023 the page, the JSON API, the PDF and the
 * Word document hold exactly the seeded rows — the activities of the year with their participants and survey
 * counts, the projects running in the year, the announcements the area answered that year and the meetings held
 * per body — and every number links to the rows behind it. Any signed-in user and a reader token read it;
 * anonymous is sent to log in (401 on the API); bad input is a 400 naming the field.
 */
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { fixedClock } from '../core/clock.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let member: Session;
let readerToken: string;

before(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-01T10:00:00Z') });
  member = await t.login('demo-tilbudsoekonomi');
  readerToken = await t.token('demo-laeser');
});
after(() => t.close());

const get = (s: Session | null, url: string, html = true) => t.as(s, { method: 'GET', url, headers: html ? { accept: 'text/html' } : {} });
const reader = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${readerToken}` } });

/** The seeded rows behind Sjælland's 2023 report, read straight from the tables. */
async function seeded() {
  const area = await t.db.selectFrom('agreement_area').select(['id', 'name']).where('code', '=', 'sjaelland').executeTakeFirstOrThrow();
  const activities = await t.db
    .selectFrom('coop_activity')
    .select(['id', 'title', 'participants', 'organisers', sql<string>`starts_on::text`.as('date')])
    .where('area_id', '=', area.id)
    .where('starts_on', '>=', '2023-01-01')
    .where('starts_on', '<=', '2023-12-31')
    .orderBy('starts_on')
    .orderBy('id')
    .execute();
  const surveys = await t.db
    .selectFrom('coop_activity_survey_question as q')
    .select(['q.activity_id', 'q.position', 'q.count_1', 'q.count_2', 'q.count_3', 'q.count_4', 'q.count_5'])
    .where(
      'q.activity_id',
      'in',
      activities.map((a) => a.id),
    )
    .orderBy('q.activity_id')
    .orderBy('q.position')
    .execute();
  const projects = await t.db
    .selectFrom('coop_project')
    .select(['id', 'title'])
    .where('area_id', '=', area.id)
    .where('starts_on', '<=', '2023-12-31')
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', '2023-01-01')]))
    .orderBy('starts_on')
    .orderBy('id')
    .execute();
  const announcements = await t.db
    .selectFrom('coop_announcement_area as x')
    .innerJoin('coop_announcement as an', 'an.id', 'x.announcement_id')
    .select(['an.id', 'an.title', sql<string>`x.sent_on::text`.as('sent_on')])
    .where('x.area_id', '=', area.id)
    .where('x.sent_on', '>=', '2023-01-01')
    .where('x.sent_on', '<=', '2023-12-31')
    .orderBy('x.sent_on')
    .execute();
  const meetings = await t.db
    .selectFrom('coop_meeting as m')
    .innerJoin('coop_body as b', 'b.id', 'm.body_id')
    .select(['b.id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('b.area_id', '=', area.id)
    .where('m.status', '=', 'afholdt')
    .where('m.meeting_date', '>=', '2023-01-01')
    .where('m.meeting_date', '<=', '2023-12-31')
    .groupBy('b.id')
    .execute();
  return { area, activities, surveys, projects, announcements, meetings };
}

/** WinAnsi as pdfkit writes it: Latin-1, with the dashes where Windows-1252 has them. */
const winAnsi = { decode: (b: Buffer) => b.toString('latin1').replace(/\x96/g, '–').replace(/\x97/g, '—') };

/** The text a pdfkit PDF shows: its content streams inflated, the hex strings of each TJ decoded (WinAnsi). */
function pdfText(pdf: Buffer): string {
  const out: string[] = [];
  const raw = pdf.toString('latin1');
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    let content: string;
    try {
      content = zlib.inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[(.*?)\]\s*TJ/g))
      out.push([...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => winAnsi.decode(Buffer.from(h[1]!, 'hex'))).join(''));
  }
  return out.join(' ');
}
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('the yearly report', () => {
  it('answers exactly the seeded rows of Sjælland 2023 as JSON, for a reader token too', async () => {
    const s = await seeded();
    const res = await reader('/api/yearly-report?area=sjaelland&year=2023');
    assert.equal(res.statusCode, 200, res.body);
    const r = res.json();
    assert.equal(r.title, 'Opsamling på rammeaftalen og aktiviteter 2023 – Rammeaftale Sjælland');
    assert.ok(s.activities.length >= 3, 'the demo data has a full year');
    assert.deepEqual(
      r.activities.rows.map((a: { id: number; title: string; participants: number | null; date: string }) => [a.id, a.title, a.participants, a.date]),
      s.activities.map((a) => [a.id, a.title, a.participants, a.date]),
    );
    assert.equal(
      r.activities.participants,
      s.activities.reduce((n, a) => n + (a.participants ?? 0), 0),
    );
    const counts = r.activities.rows.flatMap((a: { id: number; survey: { questions: { counts: number[] }[] } | null }) =>
      (a.survey?.questions ?? []).map((q) => [a.id, ...q.counts]),
    );
    assert.ok(counts.length > 0, 'some activities are evaluated');
    assert.deepEqual(
      counts,
      s.surveys.map((q) => [q.activity_id, q.count_1, q.count_2, q.count_3, q.count_4, q.count_5]),
    );
    assert.equal(r.activities.evaluated, new Set(s.surveys.map((q) => q.activity_id)).size);
    assert.deepEqual(
      r.projects.rows.map((p: { id: number; title: string }) => [p.id, p.title]),
      s.projects.map((p) => [p.id, p.title]),
    );
    assert.ok(s.announcements.length >= 1, 'Sjælland answered a central announcement in 2023');
    assert.deepEqual(
      r.announcements.rows.map((a: { id: number; sentOn: string }) => [a.id, a.sentOn]),
      s.announcements.map((a) => [a.id, a.sent_on]),
    );
    assert.equal(
      r.meetings.count,
      s.meetings.reduce((n, m) => n + Number(m.n), 0),
    );
  });

  it('shows the page with the agreement, the activity table and links from every number to its rows; the front page links to it', async () => {
    assert.match((await get(member, '/samarbejde')).body, /href="\/samarbejde\/aarsrapport"/);
    const s = await seeded();
    const res = await get(member, '/samarbejde/aarsrapport?area=sjaelland&year=2023');
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /<h1>Opsamling på rammeaftalen og aktiviteter 2023 – Rammeaftale Sjælland<\/h1>/);
    for (const h of ['Tema', 'Målgruppe', 'Dato', 'Afholdt af', 'Evaluering']) assert.match(res.body, new RegExp(`<th scope="col">${h}</th>`));
    for (const a of s.activities) assert.ok(res.body.includes(`href="/samarbejde/aktiviteter/${a.id}"`), a.title);
    for (const p of s.projects) assert.ok(res.body.includes(`href="/samarbejde/projekter/${p.id}"`), p.title);
    for (const a of s.announcements) assert.ok(res.body.includes(`href="/samarbejde/udmeldinger/${a.id}"`), a.title);
    const total = s.activities.reduce((n, a) => n + (a.participants ?? 0), 0);
    assert.match(res.body, new RegExp(`<a href="/samarbejde/aktiviteter\\?area=sjaelland&amp;year=2023">${total.toLocaleString('da-DK')}</a>`));
    assert.match(res.body, /href="\/samarbejde\/projekter\?area=sjaelland&amp;year=2023"/);
    assert.match(res.body, /href="\/samarbejde\/aarsrapport\?area=sjaelland&amp;year=2023&amp;format=pdf"/);
    assert.match(res.body, /af 5 \(\d+ svar\)/, 'the evaluation summary');
    // Sjælland 2022: the agreement in force with its focus areas.
    const sj = await get(member, '/samarbejde/aarsrapport?area=sjaelland&year=2022');
    assert.equal(sj.statusCode, 200);
    assert.match(sj.body, /<h2>Rammeaftalen<\/h2>\s*<section><h3><a href="\/aftaler\/\d+">Rammeaftale Sjælland 2021/);
    assert.match(sj.body, /Temaer og fokusområder i/);
    // The signed-in user's own area by default.
    assert.match((await get(member, '/samarbejde/aarsrapport')).body, /<h1>Opsamling på rammeaftalen og aktiviteter 2025 – Rammeaftale Sjælland<\/h1>/);
  });

  it('exports the same report as a PDF with its title and rows, and as a Word document with its tables', async () => {
    const s = await seeded();
    const pdf = await get(member, '/samarbejde/aarsrapport?area=sjaelland&year=2023&format=pdf', false);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.match(String(pdf.headers['content-disposition']), /aarsrapport-sjaelland-2023\.pdf/);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const text = squeeze(pdfText(pdf.rawPayload));
    assert.ok(text.includes(squeeze('Opsamling på rammeaftalen og aktiviteter 2023 – Rammeaftale Sjælland')), 'the title');
    for (const a of s.activities) assert.ok(text.includes(squeeze(a.title)), a.title);
    const doc = await get(member, '/samarbejde/aarsrapport?area=sjaelland&year=2023&format=doc', false);
    assert.equal(doc.statusCode, 200);
    assert.match(String(doc.headers['content-type']), /^application\/msword/);
    assert.match(String(doc.headers['content-disposition']), /aarsrapport-sjaelland-2023\.doc/);
    assert.match(doc.body, /^<!DOCTYPE html><html lang="da">/);
    assert.match(doc.body, /<h1>Opsamling på rammeaftalen og aktiviteter 2023 – Rammeaftale Sjælland<\/h1>/);
    assert.match(doc.body, /<caption>Aktiviteter i Rammeaftale Sjælland i 2023<\/caption>/);
    assert.equal((doc.body.match(/<tbody>/g) ?? []).length >= 2, true, 'the activities and the announcements as tables');
    for (const a of s.activities) assert.ok(doc.body.includes(`/samarbejde/aktiviteter/${a.id}"`), a.title);
    assert.match(doc.body, /href="https?:\/\/[^"]+\/samarbejde\/aktiviteter\//, 'absolute links');
  });

  it('sends anonymous to log in (401 on the API) and answers bad input with a 400 naming the field', async () => {
    const anon = await get(null, '/samarbejde/aarsrapport?area=sjaelland&year=2023');
    assert.ok(
      anon.statusCode === 401 || (anon.statusCode >= 300 && anon.statusCode < 400 && String(anon.headers.location).startsWith('/login')),
      String(anon.statusCode),
    );
    assert.equal((await get(null, '/api/yearly-report?area=sjaelland&year=2023', false)).statusCode, 401);
    assert.equal((await get(null, '/samarbejde/aarsrapport?area=sjaelland&year=2023&format=pdf', false)).statusCode === 200, false);
    const cases: [string, string][] = [
      ['/api/yearly-report?year=2023', 'area'],
      ['/api/yearly-report?area=atlantis&year=2023', 'area'],
      ['/api/yearly-report?area=sjaelland&year=0000', 'year'],
      ['/api/yearly-report?area=sjaelland&year=99999999999', 'year'],
    ];
    for (const [url, field] of cases) {
      const res = await get(member, url, false);
      assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
      assert.ok(res.json().fields[field], `${url}: ${res.body}`);
    }
    assert.equal((await get(member, '/samarbejde/aarsrapport?area=sjaelland&year=2023&format=exe')).statusCode, 400);
    assert.equal((await get(member, '/samarbejde/aarsrapport?area=sjaelland&year=abc')).statusCode, 400);
  });
});
