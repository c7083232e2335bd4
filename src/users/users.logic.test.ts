/** The pure rules of invitations: when one is pending, accepted or expired, how it is delivered, and its e-mail. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { invitationMail, invitationStatus, MAX_MAIL_ATTEMPTS, mailState } from './users.logic.js';

const at = (iso: string) => new Date(iso);

describe('invitation status', () => {
  it('is expired from the instant it expires, pending before, and accepted whatever the expiry', () => {
    const expires_at = at('2026-12-08T10:00:00Z');
    assert.equal(invitationStatus({ expires_at, accepted_at: null }, at('2026-12-08T09:59:59Z')), 'afventer');
    assert.equal(invitationStatus({ expires_at, accepted_at: null }, expires_at), 'udloebet');
    assert.equal(invitationStatus({ expires_at, accepted_at: at('2026-12-02T08:00:00Z') }, at('2027-01-01T00:00:00Z')), 'accepteret');
    assert.equal(invitationStatus({ expires_at: null, accepted_at: null }, at('2030-01-01T00:00:00Z')), 'afventer', 'a broker invitation does not expire');
  });

  it('is handed over without an address, waits for the job, is sent, or is given up after the last attempt', () => {
    assert.equal(mailState({ mail_to: null, mail_sent_at: null, mail_attempts: 0 }), 'udleveret');
    assert.equal(mailState({ mail_to: 'a@b.dk', mail_sent_at: null, mail_attempts: MAX_MAIL_ATTEMPTS - 1 }), 'sendes');
    assert.equal(mailState({ mail_to: 'a@b.dk', mail_sent_at: null, mail_attempts: MAX_MAIL_ATTEMPTS }), 'fejlet');
    assert.equal(mailState({ mail_to: 'a@b.dk', mail_sent_at: at('2026-12-01T10:00:00Z'), mail_attempts: 2 }), 'sendt');
  });
});

describe('the invitation e-mail', () => {
  const base = {
    displayName: 'Ida',
    username: 'ida',
    organisation: 'Holbæk Kommune',
    baseUrl: 'https://r.dk',
    expiresOn: '8.12.2026 11.00',
    brokerName: 'Kommunelogin',
  };

  it('gives a local account its one-time link and username', () => {
    const m = invitationMail({ ...base, kind: 'password', token: 'T'.repeat(43) });
    assert.equal(m.subject, 'Invitation til Ramme fra Holbæk Kommune');
    assert.match(m.text, new RegExp(`https://r\\.dk/invitation/${'T'.repeat(43)}`));
    assert.match(m.text, /Dit brugernavn er ida/);
    assert.match(m.text, /virker én gang og til 8\.12\.2026 11\.00/);
  });

  it("sends a broker user to the login page with the broker's name, and no link to choose a password", () => {
    const m = invitationMail({ ...base, kind: 'oidc', token: null, expiresOn: null });
    assert.match(m.text, /kommunens login \(Kommunelogin\)/);
    assert.match(m.text, /https:\/\/r\.dk\/login/);
    assert.doesNotMatch(m.text, /invitation\//);
  });
});
