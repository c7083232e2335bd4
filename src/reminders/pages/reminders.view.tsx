/**
 * @module The reminders page: the person's choice (e-mail, days ahead, groups), what is due soon, and the
 * reminders given.
 */
import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../core/errors.js';
import { formatDate } from '../../core/format.js';
import { Alert, CheckboxGroup, CsrfField, ErrorSummary, Field, formatDateTime } from '../../core/web/components.js';
import type { ReminderPage } from '../reminders.service.js';

export type ReminderPageModel = ReminderPage & { csrf: string; saved?: boolean; values?: Record<string, unknown>; errors?: FieldErrors };

const LABELS = { email: 'E-mailadresse', daysBefore: 'Antal dage før fristen', wanted: 'Påmindelser om' };
const str = (v: unknown) => (Array.isArray(v) ? String(v[0] ?? '') : v === undefined || v === null ? undefined : String(v));

export const RemindersPage: FC<ReminderPageModel> = (m) => {
  const wanted = m.values ? ([] as string[]).concat((m.values.wanted as string[] | string | undefined) ?? []) : m.headings.filter((h) => !m.muted.includes(h));
  return (
    <>
      <h1>Påmindelser</h1>
      <p class="font-lead">Ramme kan minde dig om opgaver med frist på e-mail: én samlet besked om morgenen, når en frist nærmer sig eller er overskredet.</p>
      {m.saved && <Alert kind="success" heading="Dine valg er gemt" />}
      {!m.smtpConfigured && (
        <Alert kind="info" heading="Ramme sender ikke e-mail her">
          <p>Der er ikke sat en mailserver op. Påmindelserne vises kun i Ramme: på forsiden og nedenfor.</p>
        </Alert>
      )}
      <ErrorSummary errors={m.errors} labels={LABELS} />
      <form method="post" action="/profil/paamindelser" novalidate>
        <CsrfField token={m.csrf} />
        <Field
          name="email"
          type="email"
          label={LABELS.email}
          hint="Lad feltet stå tomt, hvis du ikke vil have e-mail."
          value={m.values ? str(m.values.email) : (m.email ?? '')}
          autocomplete="email"
          maxlength={254}
          errors={m.errors}
        />
        <Field
          name="daysBefore"
          type="number"
          label={LABELS.daysBefore}
          hint="Fra 0 (på selve dagen) til 60."
          value={m.values ? str(m.values.daysBefore) : String(m.daysBefore)}
          min="0"
          max="60"
          inputmode="numeric"
          errors={m.errors}
        />
        {m.headings.length > 0 && (
          <CheckboxGroup name="wanted" legend={LABELS.wanted} options={m.headings.map((h) => ({ value: h, label: h }))} values={wanted} errors={m.errors} />
        )}
        <button type="submit" class="button button-primary">
          Gem valg
        </button>
      </form>
      <h2>Frister inden for {m.daysBefore} dage</h2>
      {m.upcoming.length === 0 ? (
        <p>Du har ingen opgaver med frist inden for de næste {m.daysBefore} dage.</p>
      ) : (
        <ul class="ramme-work">
          {m.upcoming.map((i) => (
            <li>
              <a href={i.href}>{i.title}</a>
              <br />
              <small>
                Frist {formatDate(i.due)}
                {i.due < m.today ? ' (overskredet)' : ''} · {i.heading}
              </small>
            </li>
          ))}
        </ul>
      )}
      <h2>Givne påmindelser</h2>
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--compact">
          <caption>De seneste 50 påmindelser til dig</caption>
          <thead>
            <tr>
              <th scope="col">Givet</th>
              <th scope="col">Opgave</th>
              <th scope="col">Frist</th>
              <th scope="col">Hvordan</th>
            </tr>
          </thead>
          <tbody>
            {m.sent.length === 0 && (
              <tr>
                <td colspan={4}>Du har ikke fået påmindelser endnu.</td>
              </tr>
            )}
            {m.sent.map((s) => (
              <tr>
                <td>{formatDateTime(s.sent_at)}</td>
                <td>
                  <a href={s.href}>{s.title}</a>
                </td>
                <td>{formatDate(s.due)}</td>
                <td>{s.channel === 'mail' ? 'E-mail' : 'I Ramme'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
};
