/**
 * @module The invitation page: the person chooses their own password, or reads why the link does not work and what
 * to do instead.
 */
import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../core/errors.js';
import { formatDateTime } from '../../core/format.js';
import { Alert, CsrfField, DescriptionList, ErrorSummary, Field } from '../../core/web/components.js';
import type { InvitationLink } from '../invitations.service.js';

export const CHOOSE_LABELS = { password: 'Ny adgangskode', passwordAgain: 'Gentag adgangskoden' };

export const ChoosePasswordPage: FC<{
  link: Extract<InvitationLink, { state: 'open' }>;
  action: string;
  csrf: string;
  minLength: number;
  errors?: FieldErrors;
}> = (m) => (
  <>
    <h1>Velkommen til Ramme</h1>
    <p class="font-lead">{m.link.organisation} har inviteret dig som bruger. Vælg din adgangskode for at tage imod invitationen; derefter er du logget ind.</p>
    <DescriptionList
      items={[
        ['Navn', m.link.displayName],
        ['Brugernavn', m.link.username],
        ['Linket virker til', formatDateTime(m.link.expiresAt)],
      ]}
    />
    <ErrorSummary errors={m.errors} labels={CHOOSE_LABELS} />
    <form method="post" action={m.action} novalidate class="col-12 col-md-6" style="padding:0">
      <CsrfField token={m.csrf} />
      <Field
        name="password"
        type="password"
        label={CHOOSE_LABELS.password}
        hint={`Mindst ${m.minLength} tegn. Brug gerne en sætning, du kan huske.`}
        autocomplete="new-password"
        maxlength={200}
        errors={m.errors}
        required
      />
      <Field name="passwordAgain" type="password" label={CHOOSE_LABELS.passwordAgain} autocomplete="new-password" maxlength={200} errors={m.errors} required />
      <div class="ramme-actions">
        <button type="submit" class="button button-primary">
          Gem adgangskode og log ind
        </button>
      </div>
    </form>
  </>
);

const CLOSED: Record<Exclude<InvitationLink['state'], 'open'>, { heading: string; text: string; toLogin: boolean }> = {
  unknown: {
    heading: 'Linket virker ikke',
    text: 'Linket findes ikke, eller det er erstattet af en nyere invitation. Brug linket i den nyeste invitation, du har fået, eller bed din organisations brugeradministrator om at sende invitationen igen.',
    toLogin: false,
  },
  used: {
    heading: 'Invitationen er allerede brugt',
    text: 'Du har allerede valgt en adgangskode med dette link, og det virker kun én gang. Log ind med dit brugernavn og din adgangskode. Har du glemt adgangskoden, så bed din organisations brugeradministrator om hjælp.',
    toLogin: true,
  },
  expired: {
    heading: 'Invitationen er udløbet',
    text: 'Linket virker ikke længere. Bed din organisations brugeradministrator om at sende invitationen igen; du får så et nyt link.',
    toLogin: false,
  },
  inactive: {
    heading: 'Din bruger er deaktiveret',
    text: 'Brugeren, invitationen gælder, er deaktiveret. Kontakt din organisations brugeradministrator, hvis du skal have adgang til Ramme.',
    toLogin: false,
  },
};

export const closedHeading = (state: Exclude<InvitationLink['state'], 'open'>) => CLOSED[state].heading;

export const InvitationClosedPage: FC<{ state: Exclude<InvitationLink['state'], 'open'> }> = ({ state }) => {
  const c = CLOSED[state];
  return (
    <>
      <h1>{c.heading}</h1>
      <Alert kind="warning" heading="Linket kan ikke bruges">
        <p>{c.text}</p>
      </Alert>
      <p>
        <a href="/login">{c.toLogin ? 'Til login-siden' : 'Gå til login-siden'}</a>
      </p>
    </>
  );
};
