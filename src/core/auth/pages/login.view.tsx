/**
 * @module The login page: the password form and, in demo mode, one button per demo user.
 */
import type { FC } from 'hono/jsx';
import { CsrfField, ErrorSummary, Field } from '../../web/components.js';

export type LoginPageModel = {
  csrf: string;
  next: string;
  error?: string;
  username?: string;
  /** The identity broker's name when OpenID Connect sign-in is configured. */
  brokerName?: string;
  demoUsers: Array<{ username: string; display_name: string; org: string }>;
};

export const LoginPage: FC<LoginPageModel> = (m) => (
  <>
    <h1>Log ind i Ramme</h1>
    {m.error && <ErrorSummary message={m.error} />}
    {m.brokerName && (
      <p>
        <a class="button button-primary" href={`/login/oidc?next=${encodeURIComponent(m.next)}`}>
          Log ind med {m.brokerName}
        </a>
      </p>
    )}
    {m.brokerName && <h2 class="h3">Eller log ind med brugernavn og adgangskode</h2>}
    <form method="post" action="/login" class="col-12 col-md-6" style="padding:0">
      <CsrfField token={m.csrf} />
      <input type="hidden" name="next" value={m.next} />
      <Field name="username" label="Brugernavn" value={m.username} autocomplete="username" required />
      <Field name="password" label="Adgangskode" type="password" autocomplete="current-password" required />
      <div class="ramme-actions">
        <button type="submit" class="button button-primary">
          Log ind
        </button>
      </div>
    </form>
    {m.demoUsers.length > 0 && (
      <section aria-labelledby="demo-heading">
        <h2 id="demo-heading">Demobrugere</h2>
        <p>Ramme kører i demotilstand med opdigtede data. Vælg en rolle for at logge ind uden adgangskode.</p>
        <div class="ramme-demo-users">
          {m.demoUsers.map((u) => (
            <form method="post" action="/login/demo">
              <CsrfField token={m.csrf} />
              <input type="hidden" name="username" value={u.username} />
              <input type="hidden" name="next" value={m.next} />
              <button type="submit" class="button button-secondary ramme-demo-user">
                <span>{u.display_name}</span>
                <small>
                  {u.username} · {u.org}
                </small>
              </button>
            </form>
          ))}
        </div>
      </section>
    )}
  </>
);
