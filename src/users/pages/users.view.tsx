/**
 * @module The user administration pages: the organisation's users with their invitations, the invitation form and
 * what it gave (an e-mail on its way, or the link to hand over, shown once), a user's page with the invitation,
 * roles and deactivation, and the refusal page of a broker sign-in.
 */
import type { FC } from 'hono/jsx';
import { ROLE_LABELS, type Role } from '../../core/auth/actor.js';
import type { FieldErrors } from '../../core/errors.js';
import { Alert, CheckboxGroup, CsrfField, DescriptionList, ErrorSummary, Field, Select, type Option } from '../../core/web/components.js';
import { formatDateTime } from '../../core/format.js';
import type { InvitationView, IssuedInvitation, UserView } from '../users.service.js';

export type FormValues = Record<string, unknown>;
const str = (v: unknown) => (Array.isArray(v) ? String(v[0] ?? '') : v === undefined || v === null ? undefined : String(v));
const list = (v: unknown) => ([] as unknown[]).concat(v ?? []).map(String);
const roleNames = (roles: Role[]) => roles.map((r) => ROLE_LABELS[r] ?? r).join(', ') || 'ingen';

const LABELS = {
  username: 'Brugernavn',
  displayName: 'Navn',
  email: 'E-mailadresse',
  roles: 'Roller',
  signIn: 'Logger ind med',
  subject: 'Id hos identitetsbrokeren',
  version: 'Version',
};

type RoleMappingModel = { brokerName: string; mappings: Array<{ claim_value: string; role: string }>; roleOptions: Option[] };

export const UserListPage: FC<{
  organisation: string;
  users: UserView[];
  canManage: boolean;
  roleMapping: RoleMappingModel | null;
  csrf: string;
  values?: FormValues;
  errors?: FieldErrors;
}> = (m) => (
  <>
    <h1>Brugere i {m.organisation}</h1>
    <p class="font-lead">
      {m.canManage
        ? 'Du er brugeradministrator: du kan invitere brugere, ændre deres roller og deaktivere dem.'
        : 'Kun organisationens brugeradministrator kan ændre brugerne.'}
    </p>
    {m.canManage && (
      <p>
        <a class="button button-primary" href="/brugere/ny">
          Invitér en bruger
        </a>
      </p>
    )}
    <table class="table table--compact">
      <caption class="sr-only">Brugere i {m.organisation}</caption>
      <thead>
        <tr>
          <th scope="col">Navn</th>
          <th scope="col">Brugernavn</th>
          <th scope="col">Roller</th>
          <th scope="col">Logger ind med</th>
          <th scope="col">Invitation</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {m.users.map((u) => (
          <tr>
            <td>
              <a href={`/brugere/${u.id}`}>{u.displayName}</a>
            </td>
            <td>{u.username}</td>
            <td>{roleNames(u.roles)}</td>
            <td>{signInOf(u)}</td>
            <td>{u.invitation ? invitationSummary(u.invitation) : '–'}</td>
            <td>{u.isActive ? 'Aktiv' : 'Deaktiveret'}</td>
          </tr>
        ))}
      </tbody>
    </table>
    {m.roleMapping && <RoleMappingSection {...m.roleMapping} csrf={m.csrf} values={m.values} errors={m.errors} />}
  </>
);

const RoleMappingSection: FC<RoleMappingModel & { csrf: string; values?: FormValues; errors?: FieldErrors }> = (m) => (
  <section aria-labelledby="rollekoder">
    <h2 id="rollekoder">Roller fra {m.brokerName}</h2>
    <p>
      Når {m.brokerName} sender en af disse rollekoder for en bruger i organisationen, får brugeren rollen i Ramme ved næste login. Rollekoder, der hedder som
      Ramme-rollen (fx myndighed), virker uden opsætning.
    </p>
    {m.mappings.length > 0 && (
      <table class="table table--compact">
        <caption class="sr-only">Rollekoder og roller</caption>
        <thead>
          <tr>
            <th scope="col">Rollekode hos {m.brokerName}</th>
            <th scope="col">Rolle i Ramme</th>
            <th scope="col">
              <span class="sr-only">Handling</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {m.mappings.map((r) => (
            <tr>
              <td>
                <code>{r.claim_value}</code>
              </td>
              <td>{ROLE_LABELS[r.role as Role] ?? r.role}</td>
              <td>
                <form method="post" action="/brugere/rollekoder/slet">
                  <CsrfField token={m.csrf} />
                  <input type="hidden" name="claimValue" value={r.claim_value} />
                  <input type="hidden" name="role" value={r.role} />
                  <button type="submit" class="button button-tertiary">
                    Fjern<span class="sr-only"> {r.claim_value}</span>
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
    <ErrorSummary errors={m.errors} labels={{ claimValue: 'Rollekode', role: 'Rolle i Ramme' }} />
    <form method="post" action="/brugere/rollekoder" novalidate class="col-12 col-md-8" style="padding:0">
      <CsrfField token={m.csrf} />
      <Field
        name="claimValue"
        label="Rollekode"
        hint={`Værdien, som ${m.brokerName} sender i rolle-claimet.`}
        value={str(m.values?.claimValue)}
        maxlength={255}
        errors={m.errors}
      />
      <Select name="role" label="Rolle i Ramme" options={m.roleOptions} value={str(m.values?.role)} errors={m.errors} emptyLabel="Vælg rolle" />
      <button type="submit" class="button button-secondary">
        Tilføj rollekode
      </button>
    </form>
  </section>
);

const signInOf = (u: UserView) =>
  [
    u.hasPassword ? 'adgangskode' : u.invitation?.kind === 'password' ? 'adgangskode (vælges via invitationen)' : '',
    u.subjects.length ? 'identitetsbroker' : '',
  ]
    .filter(Boolean)
    .join(' og ') || 'demo/ingen';

export const InvitePage: FC<{
  organisation: string;
  roleOptions: Option[];
  hasBroker: boolean;
  brokerName?: string;
  hasMail: boolean;
  csrf: string;
  values?: FormValues;
  errors?: FieldErrors;
}> = (m) => {
  const v = m.values ?? {};
  const signInOptions = [{ value: 'password', label: 'Brugernavn og adgangskode (brugeren vælger selv sin adgangskode via et link)' }];
  if (m.hasBroker) signInOptions.push({ value: 'oidc', label: `${m.brokerName ?? 'Identitetsbroker'} (brugerens id hos brokeren)` });
  return (
    <>
      <h1>Invitér en bruger til {m.organisation}</h1>
      <ErrorSummary errors={m.errors} labels={LABELS} />
      <form method="post" action="/brugere" novalidate class="col-12 col-md-8" style="padding:0">
        <CsrfField token={m.csrf} />
        <Field name="displayName" label={LABELS.displayName} value={str(v.displayName)} maxlength={120} errors={m.errors} required />
        <Field
          name="username"
          label={LABELS.username}
          hint="3-60 tegn: små bogstaver, tal, punktum, bindestreg eller understreg."
          value={str(v.username)}
          maxlength={60}
          errors={m.errors}
          required
        />
        <Field
          name="email"
          type="email"
          label={LABELS.email}
          hint={
            m.hasMail
              ? 'Invitationen sendes hertil. Uden en adresse viser Ramme dig linket, så du selv kan give det videre.'
              : 'Der er ingen mailserver sat op: Ramme viser dig invitationens link, så du selv kan give det videre.'
          }
          value={str(v.email)}
          maxlength={254}
          errors={m.errors}
          autocomplete="off"
        />
        <CheckboxGroup name="roles" legend={LABELS.roles} options={m.roleOptions} values={list(v.roles)} errors={m.errors} />
        <Select name="signIn" label={LABELS.signIn} options={signInOptions} value={str(v.signIn) ?? 'password'} errors={m.errors} />
        {m.hasBroker && (
          <Field
            name="subject"
            label={LABELS.subject}
            hint="Kun ved login via identitetsbroker: brugerens faste id (sub) hos brokeren."
            value={str(v.subject)}
            maxlength={255}
            errors={m.errors}
          />
        )}
        <button type="submit" class="button button-primary">
          Invitér
        </button>
      </form>
    </>
  );
};

const MAIL_LABELS = { udleveret: 'link udleveret', sendes: 'e-mail sendes', sendt: 'e-mail sendt', fejlet: 'e-mail kunne ikke sendes' } as const;

/** "Afventer (e-mail sendt)", "Udløbet", "Accepteret": what the list shows per user. */
export const invitationSummary = (i: InvitationView) =>
  i.status === 'afventer' ? `${i.statusLabel} (${i.kind === 'oidc' && i.mail === 'udleveret' ? 'første login' : MAIL_LABELS[i.mail]})` : i.statusLabel;

const invitationItems = (i: InvitationView): Array<[string, string]> => [
  ['Invitation', invitationSummary(i)],
  ['Inviteret', formatDateTime(i.invitedAt)],
  ...(i.expiresAt && i.status !== 'accepteret' ? ([['Linket virker til', formatDateTime(i.expiresAt)]] as Array<[string, string]>) : []),
  ...(i.acceptedAt ? ([['Accepteret', formatDateTime(i.acceptedAt)]] as Array<[string, string]>) : []),
  ...(i.mailTo ? ([['Sendt til', `${i.mailTo}${i.mailSentAt ? `, ${formatDateTime(i.mailSentAt)}` : ''}`]] as Array<[string, string]>) : []),
  ...(i.mailError && !i.mailSentAt ? ([['Fejl ved afsendelse', i.mailError]] as Array<[string, string]>) : []),
];

export const InvitedPage: FC<IssuedInvitation & { isNew: boolean }> = (m) => (
  <>
    <h1>{m.isNew ? 'Brugeren er oprettet' : 'Invitationen er sendt igen'}</h1>
    {m.delivery === 'mail' ? (
      <Alert kind="success" heading={`Invitationen sendes til ${m.mailTo}`}>
        <p>
          {m.kind === 'password'
            ? 'E-mailen med et link, hvor brugeren selv vælger sin adgangskode, sendes inden for et minut.'
            : `E-mailen, der beder brugeren logge ind med ${m.brokerName ?? 'identitetsbrokeren'}, sendes inden for et minut.`}
          {m.expiresAt && ` Linket virker én gang og til ${formatDateTime(m.expiresAt)}.`}
        </p>
      </Alert>
    ) : m.link ? (
      <Alert kind="warning" heading={`Link til ${m.username}`}>
        <p>
          Ramme sender ikke invitationen på e-mail: {m.noMailReason}. Giv selv brugeren linket ad en sikker vej. Det vises kun denne ene gang, virker én gang og
          til {m.expiresAt ? formatDateTime(m.expiresAt) : ''}:
        </p>
        <p>
          <code class="ramme-invitation-link">{m.link}</code>
        </p>
      </Alert>
    ) : (
      <Alert kind="success" heading={`${m.username} kan logge ind med ${m.brokerName ?? 'identitetsbrokeren'}`}>
        <p>
          Ramme sender ikke invitationen på e-mail: {m.noMailReason}. Bed selv brugeren logge ind på <code>{m.loginUrl}</code>.
        </p>
      </Alert>
    )}
    <p>
      <a href={`/brugere/${m.userId}`}>Gå til brugeren</a> · <a href="/brugere">Alle brugere</a>
    </p>
  </>
);

export const UserPage: FC<{
  user: UserView;
  organisation: string;
  canManage: boolean;
  isSelf: boolean;
  roleOptions: Option[];
  csrf: string;
  saved?: boolean;
  values?: FormValues;
  errors?: FieldErrors;
  message?: string;
}> = (m) => {
  const u = m.user;
  const v = m.values ?? {};
  return (
    <>
      <h1>{u.displayName}</h1>
      {m.saved && <Alert kind="success" heading="Ændringen er gemt" />}
      <ErrorSummary errors={m.errors} labels={LABELS} message={m.message} />
      <DescriptionList
        items={[
          ['Brugernavn', u.username],
          ['Organisation', m.organisation],
          ['Roller', roleNames(u.roles)],
          ['Logger ind med', signInOf(u)],
          ['Status', u.isActive ? 'Aktiv' : 'Deaktiveret'],
          ...(u.invitation ? invitationItems(u.invitation) : []),
        ]}
      />
      {m.canManage && u.isActive && canResend(u) && (
        <form method="post" action={`/brugere/${u.id}/invitation`}>
          <CsrfField token={m.csrf} />
          <button type="submit" class="button button-secondary">
            Send invitationen igen
          </button>
          <p class="form-hint">Brugeren får et nyt link; det gamle holder op med at virke.</p>
        </form>
      )}
      {m.canManage && (
        <>
          <h2>Ret brugeren</h2>
          <form method="post" action={`/brugere/${u.id}`} novalidate class="col-12 col-md-8" style="padding:0">
            <CsrfField token={m.csrf} />
            <input type="hidden" name="version" value={String(u.version)} />
            <Field name="displayName" label={LABELS.displayName} value={str(v.displayName) ?? u.displayName} maxlength={120} errors={m.errors} required />
            <Field name="email" type="email" label={LABELS.email} value={str(v.email) ?? u.email ?? ''} maxlength={254} errors={m.errors} />
            <CheckboxGroup name="roles" legend={LABELS.roles} options={m.roleOptions} values={m.values ? list(v.roles) : u.roles} errors={m.errors} />
            <button type="submit" class="button button-primary">
              Gem
            </button>
          </form>
          {!m.isSelf && (
            <>
              <h2>{u.isActive ? 'Deaktivér brugeren' : 'Genaktivér brugeren'}</h2>
              <p>{u.isActive ? 'Brugerens sessioner slutter med det samme, og brugerens API-nøgler tilbagekaldes.' : 'Brugeren kan logge ind igen.'}</p>
              <form method="post" action={`/brugere/${u.id}/${u.isActive ? 'deaktiver' : 'aktiver'}`}>
                <CsrfField token={m.csrf} />
                <input type="hidden" name="version" value={String(u.version)} />
                <button type="submit" class={`button ${u.isActive ? 'button-secondary' : 'button-primary'}`}>
                  {u.isActive ? 'Deaktivér' : 'Genaktivér'}
                </button>
              </form>
            </>
          )}
        </>
      )}
    </>
  );
};

/** Only an invitation that is not accepted is sent again (a local account without a password may also get its first). */
const canResend = (u: UserView) => (u.invitation ? u.invitation.status !== 'accepteret' : !u.hasPassword && !u.subjects.length);

export const SignInRefusedPage: FC<{ heading: string; message: string }> = (m) => (
  <>
    <h1>{m.heading}</h1>
    <Alert kind="error" heading="Du er ikke logget ind">
      <p>{m.message}</p>
    </Alert>
    <p>
      <a href="/login">Til login-siden</a>
    </p>
  </>
);
