/**
 * @module The profile page: who you are, and your personal API tokens (create, revoke).
 */
import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../errors.js';
import { Alert, CsrfField, ErrorSummary, Field, formatDateTime } from '../../web/components.js';
import { ROLE_LABELS, type Actor } from '../actor.js';

export type ProfilePageModel = {
  csrf: string;
  actor: Actor;
  tokens: Array<{ id: number; name: string; created_at: Date; last_used_at: Date | null; revoked_at: Date | null }>;
  /** A token just created: its secret is shown this once. */
  created?: { name: string; token: string };
  errors?: FieldErrors;
};

export const ProfilePage: FC<ProfilePageModel> = ({ csrf, actor, tokens, created, errors }) => (
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
        <p>Kopiér den nu; den kan ikke vises igen:</p>
        <p>
          <code id="ny-noegle">{created.token}</code>
        </p>
      </Alert>
    )}
    <ErrorSummary errors={errors} labels={{ name: 'Navn på nøglen' }} />
    <form method="post" action="/profil/noegler">
      <CsrfField token={csrf} />
      <Field name="name" label="Navn på nøglen" hint="Fx navnet på det system, der skal bruge den." errors={errors} maxlength={80} required />
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
            <th scope="col">Status</th>
            <th scope="col">
              <span class="sr-only">Handling</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.length === 0 && (
            <tr>
              <td colspan={5}>Du har ingen API-nøgler.</td>
            </tr>
          )}
          {tokens.map((t) => (
            <tr>
              <td>{t.name}</td>
              <td>{formatDateTime(t.created_at)}</td>
              <td>{formatDateTime(t.last_used_at)}</td>
              <td>{t.revoked_at ? `Tilbagekaldt ${formatDateTime(t.revoked_at)}` : 'Aktiv'}</td>
              <td>
                {!t.revoked_at && (
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
