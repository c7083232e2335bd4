/**
 * Invitations by e-mail on the seeded demo, with a local SMTP server: Holbæk's administrator invites a person, the
 * job mails one Danish message with a one-time link (two runs at once, as two processes, send it once), the person
 * chooses a password there and is signed in, the link works once, an expired link and a replaced one give Danish
 * pages, a failed mail keeps the invitation and is tried again, a broker user is told to sign in through the
 * broker, only the organisation's administrator acts (others 403/404), and the audit log holds every step but never
 * the token or the password.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sha256 } from '../core/auth/password.js';
import { fixedClock } from '../core/clock.js';
import { callContext, createAppContext } from '../core/context.js';
import type { Mailer } from '../core/mail.js';
import { mailText, startTestSmtp, type ReceivedMail, type TestSmtp } from '../testing/smtp.js';
import { createTestApp, form, type Session, type TestApp } from '../testing/test-app.js';
import { invitationLink, sendInvitationMails } from './invitations.service.js';
import { invitationStatus } from './users.logic.js';

const BASE = 'https://ramme.example.dk';
let t: TestApp;
let smtp: TestSmtp;
let admin: Session;

before(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({
    config: {
      smtpUrl: smtp.url,
      baseUrl: BASE,
      oidc: {
        issuer: 'http://127.0.0.1:9/',
        clientId: 'ramme',
        clientSecret: 'x',
        redirectUrl: `${BASE}/login/oidc/callback`,
        name: 'Kommunelogin',
        scopes: '',
        organisationClaim: undefined,
        rolesClaim: undefined,
      },
    },
  });
  admin = await t.login('demo-admin');
});
after(async () => {
  await t.close();
  await smtp.close();
});

const html = { accept: 'text/html' };
const post = (s: Session, url: string, fields: Record<string, string | string[]>) =>
  t.as(s, { method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', ...html }, payload: form({ ...fields, _csrf: s.csrf }) });

/** An anonymous visitor's CSRF cookie and token, as the invitation page gives them. */
async function anonymousCsrf(path: string) {
  const page = await t.app.inject({ method: 'GET', url: path, headers: html });
  return { page, csrf: page.cookies.find((c) => c.name === 'ramme_csrf')?.value ?? '' };
}

async function choosePassword(path: string, password: string, again = password, withCsrf = true) {
  const { csrf } = await anonymousCsrf(path);
  return t.app.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...html, cookie: `ramme_csrf=${csrf}` },
    payload: form({ password, passwordAgain: again, _csrf: withCsrf ? csrf : undefined }),
  });
}

const userOf = (username: string) =>
  t.db
    .selectFrom('app_user as u')
    .leftJoin('user_invitation as i', 'i.user_id', 'u.id')
    .select([
      'u.id',
      'u.version',
      'u.password_hash',
      'i.token_hash',
      'i.mail_to',
      'i.mail_sent_at',
      'i.mail_attempts',
      'i.mail_error',
      'i.accepted_at',
      'i.created_at',
      'i.expires_at',
    ])
    .where('u.username', '=', username)
    .executeTakeFirstOrThrow();
const auditOf = (entity: string, entityId: number | string) =>
  t.db
    .selectFrom('audit_log')
    .select(['action', 'before', 'after', 'actor_username'])
    .where('entity', '=', entity)
    .where('entity_id', '=', String(entityId))
    .orderBy('id')
    .execute();
const allAudit = async () => JSON.stringify(await t.db.selectFrom('audit_log').select(['entity_id', 'before', 'after']).execute());

const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));
const subjectOf = (m: ReceivedMail) => {
  const raw = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(m.data)?.[1] ?? '';
  // Encoded words (=?UTF-8?Q?…?= or =?UTF-8?B?…?=) decoded, folded lines joined.
  return (
    raw
      .replace(/\r?\n[ \t]/g, ' ')
      // Whitespace between two encoded words is not part of the text.
      .replace(/\?=\s+=\?/g, '?==?')
      .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
        enc.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64').toString('utf8')
          : Buffer.from(
              text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
              'latin1',
            ).toString('utf8'),
      )
  );
};
const linkIn = (m: ReceivedMail) => {
  const match = /https:\/\/ramme\.example\.dk\/invitation\/([A-Za-z0-9_-]{43})/.exec(mailText(m.data));
  assert.ok(match, 'the e-mail holds the link');
  return { path: `/invitation/${match[1]}`, token: match[1]! };
};

/** A second process on the same database, as the job would run in it. */
const process2 = () => createAppContext({ db: t.db, config: t.ctx.config, capabilities: t.ctx.capabilities, clock: t.ctx.clock });

describe('an invitation by e-mail', () => {
  let link: { path: string; token: string };

  it('invites a local user: the page says the e-mail is on its way, and nothing secret is stored or shown', async () => {
    const res = await post(admin, '/brugere', {
      displayName: 'Ida Inviteret',
      username: 'ida.inviteret',
      email: 'ida@holbaek.example',
      roles: ['myndighed'],
      signIn: 'password',
    });
    assert.equal(res.statusCode, 200, res.body.slice(0, 400));
    assert.match(res.body, /Invitationen sendes til ida@holbaek\.example/);
    assert.doesNotMatch(res.body, /\/invitation\//, 'no link on the page when it is mailed');
    const ida = await userOf('ida.inviteret');
    assert.equal(ida.password_hash, null);
    assert.equal(ida.token_hash, null, 'the token is made when the mail is sent');
    assert.equal(ida.expires_at!.getTime() - ida.created_at!.getTime(), 7 * 86_400_000, 'the dated rule gives 7 days');
    const events = await auditOf('user_invitation', ida.id);
    assert.equal(events.length, 1);
    assert.equal(events[0]!.action, 'create');
    assert.equal(events[0]!.actor_username, 'demo-admin');
    assert.deepEqual((events[0]!.after as Record<string, unknown>).delivery, 'e-mail');
  });

  it('mails one Danish message with the link, even when two processes run the job at once', async () => {
    const [a, b] = await Promise.all([sendInvitationMails(process2()), sendInvitationMails(process2())]);
    assert.equal(a.sent + b.sent, 1);
    const mails = mailsTo('ida@holbaek.example');
    assert.equal(mails.length, 1, 'exactly one e-mail');
    assert.equal(subjectOf(mails[0]!), 'Invitation til Ramme fra Holbæk Kommune');
    const text = mailText(mails[0]!.data);
    assert.match(text, /Kære Ida Inviteret/);
    assert.match(text, /Dit brugernavn er ida\.inviteret/);
    link = linkIn(mails[0]!);
    const ida = await userOf('ida.inviteret');
    assert.equal(ida.token_hash, sha256(link.token), 'only the hash of the token is stored');
    assert.ok(ida.mail_sent_at);
    assert.equal((await sendInvitationMails(process2())).sent, 0, 'a later run sends nothing again');
    const audit = await allAudit();
    assert.ok(!audit.includes(link.token) && !audit.includes(sha256(link.token)), 'neither the token nor its hash is in the audit log');
    const list = await t.as(admin, { method: 'GET', url: '/brugere', headers: html });
    assert.match(list.body, /Afventer \(e-mail sendt\)/);
  });

  it('shows the person the form, refuses a short or mismatched password naming the field, and saves nothing', async () => {
    const { page } = await anonymousCsrf(link.path);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Velkommen til Ramme/);
    assert.match(page.body, /ida\.inviteret/);
    assert.equal(page.headers['referrer-policy'], 'no-referrer');
    const short = await choosePassword(link.path, 'kort');
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /Ny adgangskode: Adgangskoden skal være mindst 10 tegn/);
    const mismatch = await choosePassword(link.path, 'en lang adgangskode', 'en anden adgangskode');
    assert.equal(mismatch.statusCode, 400);
    assert.match(mismatch.body, /Gentag adgangskoden: De to adgangskoder er ikke ens/);
    const noCsrf = await choosePassword(link.path, 'en lang adgangskode', 'en lang adgangskode', false);
    assert.equal(noCsrf.statusCode, 403, 'the form needs its CSRF token');
    const ida = await userOf('ida.inviteret');
    assert.equal(ida.password_hash, null);
    assert.equal(ida.accepted_at, null);
  });

  it('accepts the link once: the person chooses a password and is signed in; the second use gets a Danish page', async () => {
    const password = 'sommer i holbæk 2026';
    const res = await choosePassword(link.path, password);
    assert.equal(res.statusCode, 303, res.body.slice(0, 400));
    assert.equal(res.headers.location, '/');
    const session = res.cookies.find((c) => c.name === 'ramme_session');
    assert.ok(session, 'signed in');
    const profile = await t.app.inject({ method: 'GET', url: '/profil', headers: { ...html, cookie: `ramme_session=${session.value}` } });
    assert.equal(profile.statusCode, 200);
    assert.match(profile.body, /Ida Inviteret/);

    const again = await t.app.inject({ method: 'GET', url: link.path, headers: html });
    assert.equal(again.statusCode, 410);
    assert.match(again.body, /Invitationen er allerede brugt/);
    const replay = await choosePassword(link.path, 'en helt anden kode');
    assert.equal(replay.statusCode, 410);
    assert.match(replay.body, /Invitationen er allerede brugt/);

    const ida = await userOf('ida.inviteret');
    const events = await auditOf('user_invitation', ida.id);
    const accepted = events.find((e) => (e.after as { status?: string }).status === 'accepteret');
    assert.ok(accepted, 'the acceptance is audited');
    assert.equal(accepted.actor_username, 'anonym');
    const [signIn] = await t.db
      .selectFrom('audit_log')
      .select('after')
      .where('entity', '=', 'session')
      .where('action', '=', 'sign_in')
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    assert.deepEqual(signIn?.after, { username: 'ida.inviteret', method: 'invitation' });
    assert.ok(!(await allAudit()).includes(password), 'the password is not in the audit log');
    const list = await t.as(admin, { method: 'GET', url: '/brugere', headers: html });
    assert.match(list.body, /Accepteret/);
    const resend = await post(admin, `/brugere/${ida.id}/invitation`, {});
    assert.equal(resend.statusCode, 409, 'an accepted invitation is not sent again');
  });

  it('keeps the invitation when the mail fails, and sends it at the next run with a link that works', async () => {
    assert.equal(
      (
        await post(admin, '/brugere', {
          displayName: 'Frede Fejl',
          username: 'frede.fejl',
          email: 'frede@holbaek.example',
          roles: ['laeser'],
          signIn: 'password',
        })
      ).statusCode,
      200,
    );
    const failing: Mailer = {
      send: async () => {
        throw new Error('Mailserveren svarer ikke');
      },
    };
    assert.deepEqual(await sendInvitationMails(t.ctx, failing), { sent: 0, failed: 1 });
    const frede = await userOf('frede.fejl');
    assert.equal(frede.mail_attempts, 1);
    assert.equal(frede.mail_error, 'Mailserveren svarer ikke');
    assert.equal(frede.token_hash, null, 'the link of the mail that failed does not work');
    const page = await t.as(admin, { method: 'GET', url: `/brugere/${frede.id}`, headers: html });
    assert.match(page.body, /Mailserveren svarer ikke/);
    assert.equal((await sendInvitationMails(t.ctx)).sent, 1);
    const { path } = linkIn(mailsTo('frede@holbaek.example')[0]!);
    assert.equal((await t.app.inject({ method: 'GET', url: path, headers: html })).statusCode, 200);
    const events = await auditOf('user_invitation', frede.id);
    assert.deepEqual(
      events.map((e) => (e.after as { mail?: string }).mail ?? e.action),
      ['create', 'fejlede', 'sendt'],
    );
  });

  it('sends again with a new link: the old one stops working at once', async () => {
    const frede = await userOf('frede.fejl');
    const old = linkIn(mailsTo('frede@holbaek.example')[0]!);
    const res = await post(admin, `/brugere/${frede.id}/invitation`, {});
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.match(res.body, /Invitationen er sendt igen/);
    const gone = await t.app.inject({ method: 'GET', url: old.path, headers: html });
    assert.equal(gone.statusCode, 404);
    assert.match(gone.body, /Linket virker ikke/);
    assert.match(gone.body, /erstattet af en nyere invitation/);
    assert.equal((await sendInvitationMails(t.ctx)).sent, 1);
    const mails = mailsTo('frede@holbaek.example');
    assert.equal(mails.length, 2);
    const fresh = linkIn(mails[1]!);
    assert.notEqual(fresh.token, old.token);
    assert.equal((await t.app.inject({ method: 'GET', url: fresh.path, headers: html })).statusCode, 200);
    const resent = (await auditOf('user_invitation', frede.id)).find((e) => (e.after as { resent?: boolean }).resent);
    assert.ok(resent, 'the re-send is audited');
    assert.equal(resent.action, 'update');
  });

  it('gives an expired link a Danish page saying what to do, and shows the invitation as expired', async () => {
    const frede = await userOf('frede.fejl');
    const { token, path } = linkIn(mailsTo('frede@holbaek.example')[1]!);
    const later = { ...process2(), clock: fixedClock(new Date(frede.expires_at!.getTime() + 1000)) };
    assert.deepEqual(await invitationLink(callContext(later, null), token), { state: 'expired' });
    assert.equal(invitationStatus({ expires_at: frede.expires_at, accepted_at: null }, new Date(frede.expires_at!.getTime() - 1000)), 'afventer');
    await t.db
      .updateTable('user_invitation')
      .set({ expires_at: new Date(t.ctx.clock.now().getTime() - 1000) })
      .where('user_id', '=', frede.id)
      .execute();
    const res = await t.app.inject({ method: 'GET', url: path, headers: html });
    assert.equal(res.statusCode, 410);
    assert.match(res.body, /Invitationen er udløbet/);
    assert.match(res.body, /brugeradministrator om at sende invitationen igen/);
    assert.equal((await choosePassword(path, 'en lang adgangskode')).statusCode, 410);
    assert.equal((await userOf('frede.fejl')).password_hash, null);
    const list = await t.as(admin, { method: 'GET', url: '/brugere', headers: html });
    assert.match(list.body, /Udløbet/);
  });

  it('hands the link over once when the user has no e-mail address', async () => {
    const res = await post(admin, '/brugere', { displayName: 'Uffe Uden Mail', username: 'uffe.uden', roles: ['laeser'], signIn: 'password' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /brugeren har ingen e-mailadresse/);
    const link = /<code class="ramme-invitation-link">https:\/\/ramme\.example\.dk(\/invitation\/[A-Za-z0-9_-]{43})<\/code>/.exec(res.body)?.[1];
    assert.ok(link);
    assert.equal((await t.app.inject({ method: 'GET', url: link, headers: html })).statusCode, 200);
    assert.equal((await userOf('uffe.uden')).mail_to, null, 'nothing for the mail job');
  });

  it('mails a broker user to sign in through the municipality’s sign-in, with no link to choose a password', async () => {
    const res = await post(admin, '/brugere', {
      displayName: 'Bente Broker',
      username: 'bente.broker',
      email: 'bente@holbaek.example',
      roles: ['laeser'],
      signIn: 'oidc',
      subject: 'bente-sub',
    });
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.equal((await sendInvitationMails(t.ctx)).sent, 1);
    const [mail] = mailsTo('bente@holbaek.example');
    const text = mailText(mail!.data);
    assert.match(text, /Kommunelogin/);
    assert.match(text, /https:\/\/ramme\.example\.dk\/login/);
    assert.doesNotMatch(text, /\/invitation\//);
    assert.equal((await userOf('bente.broker')).token_hash, null);
  });

  it('refuses a CPR number in the name and makes no user or invitation', async () => {
    const res = await post(admin, '/brugere', {
      displayName: 'Borger 010190-1234',
      username: 'cpr.test',
      email: 'cpr@holbaek.example',
      roles: ['laeser'],
      signIn: 'password',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /CPR-nummer/);
    assert.equal(await t.db.selectFrom('app_user').select('id').where('username', '=', 'cpr.test').executeTakeFirst(), undefined);
  });

  it('lets only the organisation’s administrator send an invitation again (colleagues 403, other organisations 404)', async () => {
    const uffe = await userOf('uffe.uden');
    const colleague = await t.login('demo-myndighed');
    assert.equal((await post(colleague, `/brugere/${uffe.id}/invitation`, {})).statusCode, 403);
    for (const other of ['demo-laeser', 'demo-sekretariat', 'demo-leverandoer']) {
      const s = await t.login(other);
      assert.equal((await post(s, `/brugere/${uffe.id}/invitation`, {})).statusCode, 404, other);
    }
    assert.equal((await auditOf('user_invitation', uffe.id)).length, 1, 'nothing sent again');
    const secretariat = await t.login('demo-sekretariat');
    const made = await post(secretariat, '/brugere', { displayName: 'Sara Sekretær', username: 'sara.sekretaer', roles: ['sekretariat'], signIn: 'password' });
    assert.equal(made.statusCode, 200, 'a secretariat invites its own');
    const sara = await userOf('sara.sekretaer');
    assert.equal((await post(secretariat, `/brugere/${sara.id}/invitation`, {})).statusCode, 200);
    assert.equal((await post(admin, `/brugere/${sara.id}/invitation`, {})).statusCode, 404, "Holbæk's administrator does not act for the secretariat");
  });

  it('answers an unknown or malformed link with the same Danish 404 page', async () => {
    for (const token of ['A'.repeat(43), 'kort', '%00']) {
      const res = await t.app.inject({ method: 'GET', url: `/invitation/${token}`, headers: html });
      assert.ok([400, 404].includes(res.statusCode), `${token}: ${res.statusCode}`);
    }
    const res = await t.app.inject({ method: 'GET', url: `/invitation/${'A'.repeat(43)}`, headers: html });
    assert.match(res.body, /Linket virker ikke/);
  });

  it('takes the expiry from the dated rule in force: a new rule changes it for new invitations', async () => {
    await t.db.updateTable('user_invitation_rule').set({ valid_to: '2020-12-31' }).execute();
    await t.db.insertInto('user_invitation_rule').values({ days: 2, valid_from: '2021-01-01', valid_to: null }).execute();
    const res = await post(admin, '/brugere', { displayName: 'Tove To Dage', username: 'tove.to', roles: ['laeser'], signIn: 'password' });
    assert.equal(res.statusCode, 200);
    const tove = await userOf('tove.to');
    assert.equal(tove.expires_at!.getTime() - tove.created_at!.getTime(), 2 * 86_400_000);
  });
});
