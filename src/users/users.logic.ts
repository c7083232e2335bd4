/**
 * @module Which roles a user of each kind of organisation may hold (pure): what an administrator may give.
 */
import type { OrganisationKind, Role } from '../core/auth/actor.js';

export const ROLES_FOR_KIND: Record<OrganisationKind, readonly Role[]> = {
  municipality: ['myndighed', 'tilbudsoekonomi', 'laeser', 'administrator'],
  region: ['myndighed', 'tilbudsoekonomi', 'laeser', 'administrator'],
  provider: ['leverandoer', 'laeser', 'administrator'],
  secretariat: ['sekretariat', 'laeser', 'administrator'],
};

/** The values of a claim: a list, or one string split on spaces and commas. */
export function claimValues(value: unknown): string[] {
  const names = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  return [...new Set(names.map((n) => n.trim()).filter(Boolean))];
}

/**
 * The Ramme roles a roles claim gives: values that are role names, and values the organisation's administrator
 * has mapped to roles (`mapped`: value → role); roles the organisation's kind cannot hold are dropped.
 */
export function rolesFromClaim(value: unknown, allowed: readonly Role[], mapped: ReadonlyArray<{ claim_value: string; role: string }> = []): Role[] {
  const values = claimValues(value);
  const named = values.map((v) => v.toLowerCase());
  const fromMapping = mapped.filter((m) => values.includes(m.claim_value)).map((m) => m.role);
  return [...new Set([...named, ...fromMapping])].filter((n): n is Role => (allowed as readonly string[]).includes(n)).sort();
}

/** A username for a user first seen through the identity broker: stable for the subject, within the username rule. */
export function usernameForSubject(subjectHash: string): string {
  return `oidc-${subjectHash.slice(0, 16)}`;
}

/** Days a link works when no dated rule is in force (the rule `user_invitation_rule` normally says). */
export const DEFAULT_INVITATION_DAYS = 7;
/** A claimed e-mail not marked sent within this many minutes is claimed again (the process sending it died). */
export const MAIL_CLAIM_MINUTES = 15;
/** After this many failed attempts Ramme stops trying; the administrator sends the invitation again. */
export const MAX_MAIL_ATTEMPTS = 5;

/** An invitation token: 32 random bytes, base64url (256 bits). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type InvitationFacts = {
  kind: 'password' | 'oidc';
  expires_at: Date | null;
  accepted_at: Date | null;
  mail_to: string | null;
  mail_sent_at: Date | null;
  mail_attempts: number;
  mail_error: string | null;
};

export type InvitationStatus = 'afventer' | 'accepteret' | 'udloebet';
export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = { afventer: 'Afventer', accepteret: 'Accepteret', udloebet: 'Udløbet' };

/** Pending, accepted or expired at `now` (a broker user's invitation does not expire: it is a note to sign in). */
export function invitationStatus(i: Pick<InvitationFacts, 'expires_at' | 'accepted_at'>, now: Date): InvitationStatus {
  if (i.accepted_at) return 'accepteret';
  if (i.expires_at && i.expires_at.getTime() <= now.getTime()) return 'udloebet';
  return 'afventer';
}

export type MailState = 'udleveret' | 'sendes' | 'sendt' | 'fejlet';

/** How the invitation reaches the person: handed over as a link, waiting for the mail job, mailed, or given up. */
export function mailState(i: Pick<InvitationFacts, 'mail_to' | 'mail_sent_at' | 'mail_attempts'>): MailState {
  if (!i.mail_to) return 'udleveret';
  if (i.mail_sent_at) return 'sendt';
  return i.mail_attempts >= MAX_MAIL_ATTEMPTS ? 'fejlet' : 'sendes';
}

export type InvitationMailInput = {
  kind: 'password' | 'oidc';
  displayName: string;
  username: string;
  organisation: string;
  baseUrl: string;
  /** The one-time link's token (local accounts). */
  token: string | null;
  expiresOn: string | null;
  brokerName: string | null;
};

/** The invitation e-mail in Danish: a one-time link for a local account, or the way to the broker's sign-in. */
export function invitationMail(m: InvitationMailInput): { subject: string; text: string } {
  const subject = `Invitation til Ramme fra ${m.organisation}`;
  const how =
    m.kind === 'password'
      ? [
          'Vælg din egen adgangskode via dette link. Linket virker én gang' + (m.expiresOn ? ` og til ${m.expiresOn}` : '') + ':',
          '',
          `${m.baseUrl}/invitation/${m.token}`,
          '',
          `Dit brugernavn er ${m.username}. Når du har valgt adgangskoden, er du logget ind.`,
        ]
      : [`Du logger ind med kommunens login${m.brokerName ? ` (${m.brokerName})` : ''} på login-siden:`, '', `${m.baseUrl}/login`];
  const text = [
    `Kære ${m.displayName}`,
    '',
    `${m.organisation} har oprettet dig som bruger i Ramme.`,
    '',
    ...how,
    '',
    'Har du ikke ventet denne invitation, kan du se bort fra den. Er linket udløbet, så bed din organisations brugeradministrator om at sende invitationen igen.',
    '',
    'Venlig hilsen',
    'Ramme',
  ].join('\n');
  return { subject, text };
}
