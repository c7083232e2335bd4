/**
 * Reminders end to end on the seeded demo: a person chooses e-mail reminders on the page, the job mails one
 * message with the items whose deadline is near, two runs at once (as two processes would) send it once, a
 * failed send is tried again next run, a muted group is not reminded of, and without SMTP nothing is mailed.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAppContext } from '../core/context.js';
import type { Mailer } from '../core/mail.js';
import { createTestApp, form, type Session, type TestApp } from '../testing/test-app.js';
import { mailText, startTestSmtp, type TestSmtp } from '../testing/smtp.js';
import { runReminders } from './reminders.service.js';

let t: TestApp;
let smtp: TestSmtp;
let region: Session;

before(async () => {
  t = await createTestApp();
  smtp = await startTestSmtp();
  region = await t.login('demo-region');
});
after(async () => {
  await t.close();
  await smtp.close();
});

const page = (s: Session, url = '/profil/paamindelser') => t.as(s, { method: 'GET', url, headers: { accept: 'text/html' } });
const save = (s: Session, fields: Record<string, string | string[]>) =>
  t.as(s, {
    method: 'POST',
    url: '/profil/paamindelser',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    payload: form(fields),
  });
/** A second process on the same database: its own app context with the SMTP server configured. */
const process2 = () =>
  createAppContext({
    db: t.db,
    config: { ...t.ctx.config, smtpUrl: smtp.url, baseUrl: 'https://ramme.example.dk' },
    capabilities: t.ctx.capabilities,
    clock: t.ctx.clock,
  });

test('the page refuses a bad address and a bad number, naming the field, and saves nothing', async () => {
  const bad = await save(region, { email: 'ikke-en-adresse', daysBefore: '90', wanted: [] });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Skriv en gyldig e-mailadresse/);
  assert.match(bad.body, /Skriv et antal dage fra 0 til 60/);
  assert.match(bad.body, /href="#[^"]*email/);
  const cpr = await save(region, { email: '0101901234@kommune.dk', daysBefore: '7' });
  assert.equal(cpr.statusCode, 400);
  assert.match(cpr.body, /CPR-nummer/);
  assert.equal((await t.db.selectFrom('reminder_setting').selectAll().execute()).length, 0);
});

test('two runs at once mail one message with the near deadlines; a later run sends nothing new', async () => {
  const shown = await page(region);
  assert.equal(shown.statusCode, 200);
  const headings = [...shown.body.matchAll(/name="wanted" value="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  assert.ok(
    headings.some((h) => /Takster .* at indsende/.test(h)),
    `the tariff group can be chosen (${headings.join(', ')})`,
  );
  assert.equal((await save(region, { email: 'rikke@regionsjaelland.example', daysBefore: '7', wanted: headings })).statusCode, 303);
  assert.match((await page(region, '/profil/paamindelser?gemt=1')).body, /Dine valg er gemt/);

  const [a, b] = await Promise.all([runReminders(process2()), runReminders(process2())]);
  const toRikke = smtp.messages.filter((m) => m.to.includes('rikke@regionsjaelland.example'));
  assert.equal(toRikke.length, 1, 'exactly one e-mail');
  assert.equal(a.mails + b.mails, 1);
  const text = mailText(toRikke[0]!.data);
  assert.match(text, /Kære Rikke Region/);
  assert.match(text, /Indsend takst \d{4}: .*, frist/);
  assert.match(text, /https:\/\/ramme\.example\.dk\/takster\//);
  const given = await t.db.selectFrom('reminder_sent').selectAll().execute();
  assert.ok(given.length > 0 && given.every((g) => g.channel === 'mail'));
  assert.ok((await t.db.selectFrom('audit_log').select('id').where('entity', '=', 'reminder').execute()).length >= given.length, 'every reminder audited');

  const again = await runReminders(process2());
  assert.equal(again.mails, 0);
  assert.equal(smtp.messages.filter((m) => m.to.includes('rikke@regionsjaelland.example')).length, 1);
  const listed = await page(region);
  assert.match(listed.body, /Givne påmindelser/);
  assert.match(listed.body, /<td>E-mail<\/td>/);
});

test('a send that fails gives its reminders back, and the next run mails them', async () => {
  const tina = await t.login('demo-tilbudsoekonomi');
  const shown = await page(tina);
  const headings = [...shown.body.matchAll(/name="wanted" value="([^"]+)"/g)].map((m) => m[1]!);
  assert.equal((await save(tina, { email: 'tina@holbaek.example', daysBefore: '30', wanted: headings })).statusCode, 303);
  const broken: Mailer = { send: async () => Promise.reject(new Error('forbindelsen blev afvist')) };
  const failed = await runReminders(process2(), broken);
  assert.equal(failed.failed, 1);
  const userId = (await t.db.selectFrom('app_user').select('id').where('username', '=', 'demo-tilbudsoekonomi').executeTakeFirstOrThrow()).id;
  assert.equal((await t.db.selectFrom('reminder_sent').select('id').where('user_id', '=', userId).execute()).length, 0);
  await runReminders(process2());
  assert.equal(smtp.messages.filter((m) => m.to.includes('tina@holbaek.example')).length, 1);
});

test('a muted group is not reminded of, and without a mail server the reminders stay in Ramme', async () => {
  const naestved = await t.login('demo-naestved');
  assert.equal((await save(naestved, { email: 'niels@naestved.example', daysBefore: '60' })).statusCode, 303, 'nothing ticked: every group muted');
  const muted = await runReminders(process2());
  assert.equal(smtp.messages.filter((m) => m.to.includes('niels@naestved.example')).length, 0);
  assert.equal(muted.failed, 0);
  const headings = [...(await page(naestved)).body.matchAll(/name="wanted" value="([^"]+)"/g)].map((m) => m[1]!);
  assert.equal((await save(naestved, { email: 'niels@naestved.example', daysBefore: '60', wanted: headings })).statusCode, 303);
  const noSmtp = createAppContext({ db: t.db, config: { ...t.ctx.config, smtpUrl: undefined }, capabilities: t.ctx.capabilities, clock: t.ctx.clock });
  const kept = await runReminders(noSmtp);
  assert.equal(kept.mails, 0);
  assert.ok(kept.items > 0, 'the reminders are recorded in Ramme');
  assert.equal(smtp.messages.filter((m) => m.to.includes('niels@naestved.example')).length, 0);
  assert.match((await page(naestved)).body, /Ramme sender ikke e-mail her/);
  assert.match((await page(naestved)).body, /<td>I Ramme<\/td>/);
});

test('an empty number of days is refused, not read as 0', async () => {
  const s = await t.login('demo-laeser');
  const r = await save(s, { email: '', daysBefore: '' });
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /Skriv et antal dage fra 0 til 60/);
});
