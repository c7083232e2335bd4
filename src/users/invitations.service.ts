/**
 * @module Invitations from the person's side, and the job that mails them. The link `/invitation/<token>` is its own
 * credential: the token is 256 random bits, looked up by its SHA-256 (only the hash is stored), it works once and
 * until the expiry the dated rule gave it. Choosing a password there accepts the invitation and signs the person in.
 * The mail job claims each waiting invitation in the database before it mails it (several processes send it once),
 * makes the link's token in the same statement, and gives the claim back when the mail fails, so the invitation is
 * never lost: the next run tries again with a new link.
 */
import { z } from 'zod';
import { requireAccess } from '../core/access/access.js';
import { MIN_PASSWORD_LENGTH } from '../core/auth/accounts.service.js';
import { invalidateActor, signInVerifiedUser } from '../core/auth/auth.service.js';
import { hashPassword, newSecret, sha256 } from '../core/auth/password.js';
import { audit } from '../core/audit.js';
import type { AppContext, Ctx } from '../core/capability.js';
import { callContext } from '../core/context.js';
import { formatDateTime } from '../core/format.js';
import { type Mailer, mailerFor } from '../core/mail.js';
import { parseInput } from '../core/validation.js';
import { invitationMail, invitationStatus, MAIL_CLAIM_MINUTES, MAX_MAIL_ATTEMPTS, TOKEN_PATTERN } from './users.logic.js';
import * as repo from './users.repository.js';
import './users.policy.js';

/** What a link leads to: the form to choose a password, or why it does not work. */
export type InvitationLink =
  | { state: 'open'; displayName: string; username: string; organisation: string; expiresAt: Date }
  | { state: 'unknown' | 'used' | 'expired' | 'inactive' };

type Found = Awaited<ReturnType<typeof repo.invitationByTokenHash>>;

function linkState(row: Found, now: Date): InvitationLink {
  if (row?.kind !== 'password' || !row.expires_at) return { state: 'unknown' };
  const status = invitationStatus(row, now);
  if (status === 'accepteret') return { state: 'used' };
  if (status === 'udloebet') return { state: 'expired' };
  if (!row.is_active) return { state: 'inactive' };
  return { state: 'open', displayName: row.display_name, username: row.username, organisation: row.organisation, expiresAt: row.expires_at };
}

/** A token that cannot be one Ramme made is not looked up at all. */
const hashOf = (token: string) => (TOKEN_PATTERN.test(token) ? sha256(token) : null);

/** The invitation page: whose invitation the link is, or why it no longer works. */
export async function invitationLink(ctx: Ctx, token: string): Promise<InvitationLink> {
  requireAccess(ctx, 'users.acceptInvitation', {});
  const hash = hashOf(token);
  return linkState(hash ? await repo.invitationByTokenHash(ctx.db, hash) : undefined, ctx.clock.now());
}

const ZAccept = z
  .object({
    password: z
      .string({ message: 'Skriv en adgangskode.' })
      .min(MIN_PASSWORD_LENGTH, `Adgangskoden skal være mindst ${MIN_PASSWORD_LENGTH} tegn.`)
      .max(200, 'Adgangskoden må højst være 200 tegn.'),
    passwordAgain: z.string({ message: 'Skriv adgangskoden igen.' }).max(200, 'Adgangskoden må højst være 200 tegn.'),
  })
  .refine((v) => v.password === v.passwordAgain, { path: ['passwordAgain'], message: 'De to adgangskoder er ikke ens.' });

export type AcceptOutcome = { kind: 'signed_in'; secret: string } | { kind: 'closed'; link: InvitationLink };

/**
 * Accepts the invitation behind the link with the password the person chose (the password rules of every local
 * account), re-checked on the locked row, and signs them in (ending `previousSecret`, this browser's session).
 * The link works once. Audited without the token or the password.
 */
export async function acceptInvitation(ctx: Ctx, token: string, input: unknown, previousSecret: string | null): Promise<AcceptOutcome> {
  requireAccess(ctx, 'users.acceptInvitation', {});
  const hash = hashOf(token);
  const first = linkState(hash ? await repo.invitationByTokenHash(ctx.db, hash) : undefined, ctx.clock.now());
  if (!hash || first.state !== 'open') return { kind: 'closed', link: first };
  const v = parseInput(ZAccept, input);
  const passwordHash = await hashPassword(v.password);
  const now = ctx.clock.now();
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.invitationByTokenHash(trx, hash, true);
    const link = linkState(row, now);
    if (!row || link.state !== 'open' || !(await repo.acceptPasswordInvitation(trx, row.user_id, now, passwordHash))) return { kind: 'closed', link } as const;
    await audit(
      trx,
      { actor: null, request: ctx.request },
      {
        entity: 'user_invitation',
        entityId: row.user_id,
        action: 'update',
        before: { status: 'afventer' },
        after: { username: row.username, status: 'accepteret', password: 'valgt af brugeren' },
      },
    );
    return { kind: 'accepted', userId: row.user_id } as const;
  });
  if (outcome.kind === 'closed') return outcome.link.state === 'open' ? { kind: 'closed', link: { state: 'used' } } : outcome;
  invalidateActor(outcome.userId);
  const { secret } = await signInVerifiedUser(ctx, outcome.userId, previousSecret, 'invitation');
  return { kind: 'signed_in', secret };
}

export type InvitationMailRun = { sent: number; failed: number };

/**
 * Mails the invitations that wait (the job, every minute, in whichever process takes the run). Without an SMTP
 * server it does nothing: without one, invitations are handed over as links. Stops at the first failure (the server
 * is likely down); that invitation is tried again at the next run, at most MAX_MAIL_ATTEMPTS times.
 */
export async function sendInvitationMails(app: AppContext, mailer: Mailer | null = mailerFor(app.config)): Promise<InvitationMailRun> {
  const system = callContext(app, null);
  requireAccess(system, 'users.sendInvitations', {});
  const run: InvitationMailRun = { sent: 0, failed: 0 };
  if (!mailer) return run;
  for (;;) {
    const token = newSecret();
    const claimedAt = app.clock.now();
    const c = await repo.claimInvitationMail(app.db, claimedAt, new Date(claimedAt.getTime() - MAIL_CLAIM_MINUTES * 60_000), MAX_MAIL_ATTEMPTS, sha256(token));
    if (!c) return run;
    const mail = invitationMail({
      kind: c.kind,
      displayName: c.display_name,
      username: c.username,
      organisation: c.organisation,
      baseUrl: app.config.baseUrl,
      token: c.kind === 'password' ? token : null,
      expiresOn: c.expires_at ? formatDateTime(c.expires_at) : null,
      brokerName: app.config.oidc?.name ?? null,
    });
    try {
      await mailer.send({ to: c.mail_to, ...mail });
    } catch (error) {
      const reason = (error as Error).message || 'ukendt fejl';
      await app.db.transaction().execute(async (trx) => {
        if (await repo.releaseInvitationMail(trx, c.user_id, claimedAt, reason))
          await audit(trx, null, {
            entity: 'user_invitation',
            entityId: c.user_id,
            action: 'update',
            after: { mail: 'fejlede', mailTo: c.mail_to, reason: reason.slice(0, 200) },
          });
      });
      run.failed++;
      return run;
    }
    await app.db.transaction().execute(async (trx) => {
      if (await repo.markInvitationMailed(trx, c.user_id, claimedAt, app.clock.now()))
        await audit(trx, null, { entity: 'user_invitation', entityId: c.user_id, action: 'update', after: { mail: 'sendt', mailTo: c.mail_to } });
    });
    run.sent++;
  }
}
