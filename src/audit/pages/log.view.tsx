/**
 * @module The audit log page: filters, the events newest first with the changed fields, and where each
 * change came from (request id and client address).
 */
import type { FC } from 'hono/jsx';
import { count } from '../../core/format.js';
import { Alert, Field, Pagination, Select, formatDateTime } from '../../core/web/components.js';
import { ACTION_LABELS, type TAuditQuery } from '../audit.schema.js';
import type { AuditLog, AuditRow } from '../audit.service.js';

export type LogPageModel = { log: AuditLog; filters: TAuditQuery; filtersUnreadable: boolean };

/** The page's address with the same filters on another page. */
export function logHref(filters: TAuditQuery, page: number): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, page })) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) p.set(k, String(v));
  return `/log${p.size ? `?${p}` : ''}`;
}

const entityRef = (r: AuditRow) => (/^\d+$/.test(r.entityId) ? `nr. ${r.entityId}` : r.entityId);

const EventRow: FC<{ row: AuditRow }> = ({ row: r }) => (
  <tr>
    <td>{formatDateTime(r.at)}</td>
    <td>
      {r.actorName}
      <br />
      <small>{r.actorUsername}</small>
    </td>
    <td>{r.organisationName ?? (r.actorUsername === 'system' ? 'System' : '–')}</td>
    <td>
      {r.entityLabel} {r.href ? <a href={r.href}>{entityRef(r)}</a> : entityRef(r)}
    </td>
    <td>{ACTION_LABELS[r.action]}</td>
    <td>
      <details>
        <summary>{count(r.changes.length, 'felt', 'felter')}</summary>
        <ul class="nobullet-list">
          {r.changes.map((c) => (
            <li>
              <strong>{c.label}</strong>: {c.before} → {c.after}
            </li>
          ))}
        </ul>
        {(r.requestId || r.clientAddress) && (
          <p>
            <small>
              Forespørgsel {r.requestId ? <code>{r.requestId}</code> : '–'} fra {r.clientAddress ?? 'ukendt adresse'}
            </small>
          </p>
        )}
      </details>
    </td>
  </tr>
);

export const LogPage: FC<LogPageModel> = ({ log, filters: f, filtersUnreadable }) => (
  <>
    <h1>Ændringslog</h1>
    <p>Alle oprettelser, ændringer og sletninger med hvem, hvornår og værdierne før og efter, samt logins og logud.</p>
    {filtersUnreadable && <Alert kind="warning">Filtrene kunne ikke læses og er nulstillet. Datoer skrives åååå-mm-dd.</Alert>}
    {f.from && f.to && f.from > f.to && <Alert kind="warning">Fra-datoen ligger efter til-datoen, så ingen ændringer kan matche. Byt om på datoerne.</Alert>}
    <form method="get" action="/log" aria-label="Filtrér log">
      <div class="ramme-filters">
        <Select name="entity" label="Type" value={f.entity} emptyLabel="Alle" options={log.entityOptions} />
        <Field name="entityId" label="Post-ID" value={f.entityId} />
        <Field name="user" label="Bruger" value={f.user} />
        <Select
          name="organisation"
          label="Organisation"
          value={f.organisation ? String(f.organisation) : ''}
          emptyLabel="Alle"
          options={log.organisationOptions}
        />
        <Select
          name="action"
          label="Handling"
          value={f.action}
          emptyLabel="Alle"
          options={Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Field name="from" label="Fra dato" type="date" value={f.from} />
        <Field name="to" label="Til dato" type="date" value={f.to} />
      </div>
      <div class="ramme-actions">
        <button class="button button-primary" type="submit">
          Vis
        </button>
        <a href="/log">Nulstil</a>
      </div>
    </form>
    <div class="ramme-table-wrap" tabindex={0}>
      <table class="table table--compact">
        <caption class="sr-only">Ændringer, nyeste først</caption>
        <thead>
          <tr>
            <th scope="col">Tidspunkt</th>
            <th scope="col">Bruger</th>
            <th scope="col">Organisation</th>
            <th scope="col">Post</th>
            <th scope="col">Handling</th>
            <th scope="col">Ændrede felter</th>
          </tr>
        </thead>
        <tbody>
          {log.rows.length === 0 && (
            <tr>
              <td colspan={6}>Ingen ændringer matcher filtrene.</td>
            </tr>
          )}
          {log.rows.map((r) => (
            <EventRow row={r} />
          ))}
        </tbody>
      </table>
    </div>
    <Pagination page={log.page} pageCount={log.pageCount} total={log.total} hrefFor={(page) => logHref(f, page)} />
  </>
);
