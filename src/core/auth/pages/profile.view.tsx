/**
 * @module The profile page: who you are, and your personal API tokens (create, revoke).
 */
import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../errors.js';
import { Alert, CsrfField, ErrorSummary, Field, formatDate, formatDateTime } from '../../web/components.js';
import { ROLE_LABELS, type Actor } from '../actor.js';

export type ProfilePageModel = {
  csrf: string;
  actor: Actor;
  tokens: Array<{ id: number; name: string; created_at: Date; last_used_at: Date | null; revoked_at: Date | null; expires_on: string; is_expired: boolean }>;
  /** The expiry date a new token gets unless the user chooses another. */
  defaultExpiry: string;
  /** A token just created: its secret is shown this once. */
  created?: { name: string; token: string; expiresOn: string };
  errors?: FieldErrors;
  /** The form as sent, when it is shown again with errors. */
  values?: { name: string; expiresOn: string };
};

const tokenStatus = (t: ProfilePageModel['tokens'][number]) =>
  t.revoked_at ? `Tilbagekaldt ${formatDateTime(t.revoked_at)}` : t.is_expired ? `Udløbet ${formatDate(t.expires_on)}` : 'Aktiv';

export const ProfilePage: FC<ProfilePageModel> = ({ csrf, actor, tokens, defaultExpiry, created, errors, values }) => (
  <>
    <h1>Min profil</h1>
    <dl class="ramme-dl">
      <dt>Navn</dt>
      <dd>{actor.displayName}</dd>
      <dt>Brugernavn</dt>
      <dd>{actor.username}</dd>
      <dt>Organisation</dt>
      <dd>{actor.organisationName}</dd>
      <dt>Roller</dt>
      <dd>{actor.roles.map((r) => ROLE_LABELS[r]).join(', ')}</dd>
    </dl>
    <h2>API-nøgler</h2>
    <p>
      En API-nøgle giver et andet system adgang til Ramme med dine roller. Send den som <code>Authorization: Bearer &lt;nøgle&gt;</code>. Nøglen vises kun én
      gang.
    </p>
    {created && (
      <Alert kind="success" heading={`Nøglen "${created.name}" er oprettet`}>
        <p>Kopiér den nu; den kan ikke vises igen. Den virker til og med {formatDate(created.expiresOn)}:</p>
        <p>
          <code id="ny-noegle">{created.token}</code>
        </p>
      </Alert>
    )}
    <ErrorSummary errors={errors} labels={{ name: 'Navn på nøglen', expiresOn: 'Udløber' }} />
    <form method="post" action="/profil/noegler">
      <CsrfField token={csrf} />
      <Field
        name="name"
        label="Navn på nøglen"
        hint="Fx navnet på det system, der skal bruge den."
        errors={errors}
        value={values?.name}
        maxlength={80}
        required
      />
      <Field
        name="expiresOn"
        label="Udløber"
        type="date"
        hint="Sidste dag nøglen virker (højst et år frem). Uden dato virker den i 90 dage."
        errors={errors}
        value={values?.expiresOn || defaultExpiry}
      />
      <button type="submit" class="button button-primary">
        Opret API-nøgle
      </button>
    </form>
    <div class="ramme-table-wrap" tabindex={0}>
      <table class="table table--compact">
        <caption>Dine API-nøgler</caption>
        <thead>
          <tr>
            <th scope="col">Navn</th>
            <th scope="col">Oprettet</th>
            <th scope="col">Senest brugt</th>
            <th scope="col">Udløber</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span class="sr-only">Handling</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.length === 0 && (
            <tr>
              <td colspan={6}>Du har ingen API-nøgler.</td>
            </tr>
          )}
          {tokens.map((t) => (
            <tr>
              <td>{t.name}</td>
              <td>{formatDateTime(t.created_at)}</td>
              <td>{formatDateTime(t.last_used_at)}</td>
              <td>{formatDate(t.expires_on)}</td>
              <td>{tokenStatus(t)}</td>
              <td>
                {!t.revoked_at && !t.is_expired && (
                  <form method="post" action={`/profil/noegler/${t.id}/tilbagekald`}>
                    <CsrfField token={csrf} />
                    <button type="submit" class="button button-secondary">
                      Tilbagekald <span class="sr-only">{t.name}</span>
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </>
);
