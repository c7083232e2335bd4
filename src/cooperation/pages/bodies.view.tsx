/**
 * @module Pages of the cooperation's bodies: the list per area with the organisation chart in force, one body
 * (mandate, members, the secretariat's forms), a new body, and one version of the organisation (a proposal
 * with its chart beside today's and what it changes).
 */
import type { FieldErrors } from '../../core/errors.js';
import { formatDate } from '../../core/format.js';
import { Alert, CsrfField, ErrorSummary, Field, Select, TextArea } from '../../core/web/components.js';
import type { bodiesPage, bodyPage, structurePage } from '../bodies.service.js';
import { BODY_KIND_LABELS, BODY_KINDS, MEMBER_ROLE_LABELS, MEMBER_ROLES } from '../cooperation.table.js';
import { OrgChart } from './chart.view.js';
import { one, type FormValues } from './http.js';

const period = (from: string, to: string | null) => `${formatDate(from)} – ${to ? formatDate(to) : 'indtil videre'}`;
const kindOptions = BODY_KINDS.map((k) => ({ value: k, label: BODY_KIND_LABELS[k] }));
const roleOptions = MEMBER_ROLES.map((r) => ({ value: r, label: MEMBER_ROLE_LABELS[r] }));

export const BodiesPage = (p: Awaited<ReturnType<typeof bodiesPage>> & { csrf: string; saved?: string }) => {
  const areaName = p.area?.name ?? 'alle områder';
  const current = p.structures.find((s) => s.status === 'gaeldende');
  return (
    <>
      <h1>Organer og organisering</h1>
      {p.saved && <Alert kind="success" heading="Ændringen er gemt." />}
      <form method="get" action="/samarbejde/organer" class="ramme-filters">
        <Select
          name="area"
          label="Rammeaftaleområde"
          value={p.area?.code ?? ''}
          emptyLabel="Alle områder"
          options={p.areas.map((a) => ({ value: a.code, label: a.name }))}
        />
        <Field name="date" label="Gældende på dato" type="date" value={p.date} />
        <div class="form-group">
          <button class="button button-secondary" type="submit">
            Vis
          </button>
        </div>
      </form>
      {p.area && (
        <>
          <h2>Organisationsdiagram: {current?.title ?? areaName}</h2>
          <OrgChart nodes={p.chart} title={current?.title ?? areaName} id="diagram-gaeldende" />
          {p.structures.length > 0 && (
            <>
              <h3>Versioner af organiseringen</h3>
              <ul>
                {p.structures.map((s) => (
                  <li>
                    <a href={`/samarbejde/organisering/${s.id}`}>{s.title}</a> ({s.status === 'gaeldende' ? 'gældende' : 'forslag'})
                  </li>
                ))}
              </ul>
            </>
          )}
          {p.canEdit && (
            <div class="ramme-actions">
              <a class="button button-secondary" href={`/samarbejde/organer/ny?area=${p.area.code}`}>
                Opret organ
              </a>
              <form method="post" action="/samarbejde/organisering/ny">
                <CsrfField token={p.csrf} />
                <input type="hidden" name="areaCode" value={p.area.code} />
                <input type="hidden" name="title" value={`Forslag til ny organisering af ${p.area.name}`} />
                <button class="button button-secondary" type="submit">
                  Lav forslag til ny organisering
                </button>
              </form>
            </div>
          )}
        </>
      )}
      <h2>Organer i {areaName}</h2>
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--zebra table--compact">
          <caption>Organer med kommissorium og medlemmer pr. {formatDate(p.date)}</caption>
          <thead>
            <tr>
              <th scope="col">Organ</th>
              <th scope="col">Slags</th>
              <th scope="col">Område</th>
              <th scope="col">Rapporterer til</th>
              <th scope="col">Kommissorium</th>
              <th scope="col" class="ramme-num">
                Medlemmer
              </th>
            </tr>
          </thead>
          <tbody>
            {p.bodies.map((b) => (
              <tr>
                <td>
                  <a href={`/samarbejde/organer/${b.id}`}>{b.name}</a>
                </td>
                <td>{BODY_KIND_LABELS[b.kind]}</td>
                <td>{b.area_name ?? 'Nationalt'}</td>
                <td>{b.reports_to_name ?? '–'}</td>
                <td>{b.mandate ? period(b.mandate.valid_from, b.mandate.valid_to) : 'intet gældende'}</td>
                <td class="ramme-num">{b.members.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
};

const BODY_LABELS: Record<string, string> = {
  areaCode: 'Område',
  kind: 'Slags organ',
  name: 'Navn',
  description: 'Beskrivelse',
  reportsToId: 'Rapporterer til',
  structureId: 'Organisering',
};

export const NewBodyPage = (p: {
  area: { code: string; name: string } | null;
  bodies: Array<{ id: number; name: string }>;
  csrf: string;
  values?: FormValues;
  errors?: FieldErrors;
}) => {
  const v = (n: string) => (p.values ? one(p.values[n]) : '');
  return (
    <>
      <h1>Opret organ{p.area ? ` i ${p.area.name}` : ' (nationalt)'}</h1>
      <ErrorSummary errors={p.errors} labels={BODY_LABELS} />
      <form method="post" action="/samarbejde/organer/ny" novalidate>
        <CsrfField token={p.csrf} />
        <input type="hidden" name="areaCode" value={p.area?.code ?? ''} />
        <Select name="kind" label="Slags organ" options={kindOptions} value={v('kind') || 'netvaerksgruppe'} errors={p.errors} required />
        <Field name="name" label="Navn" value={v('name')} errors={p.errors} required maxlength={200} />
        <TextArea name="description" label="Beskrivelse" value={v('description')} errors={p.errors} maxlength={2000} />
        {p.area && (
          <Select
            name="reportsToId"
            label="Rapporterer til"
            hint="I den gældende organisering"
            options={p.bodies.map((b) => ({ value: String(b.id), label: b.name }))}
            value={v('reportsToId')}
            emptyLabel="Ingen (øverst)"
            errors={p.errors}
          />
        )}
        <button class="button button-primary" type="submit">
          Opret organ
        </button>
      </form>
    </>
  );
};

const MEMBER_LABELS: Record<string, string> = {
  personName: 'Navn',
  organisationId: 'Organisation',
  organisationText: 'Anden organisation',
  role: 'Rolle',
  validFrom: 'Medlem fra',
  validTo: 'Medlem til',
  text: 'Kommissorium',
  approvedBy: 'Godkendt af',
};

export const BodyPage = (
  p: Awaited<ReturnType<typeof bodyPage>> & { csrf: string; values?: FormValues; errors?: FieldErrors; form?: string; saved?: string },
) => {
  const b = p.body;
  const v = (form: string, n: string, fallback = '') => (p.values && p.form === form ? one(p.values[n]) : fallback);
  const errs = (form: string) => (p.form === form ? p.errors : undefined);
  const mandate = p.mandates.find((m) => m.valid_from <= p.today && (m.valid_to === null || m.valid_to >= p.today));
  return (
    <>
      <h1>{b.name}</h1>
      {p.saved && <Alert kind="success" heading="Ændringen er gemt." />}
      <ErrorSummary errors={p.errors} labels={MEMBER_LABELS} />
      <dl class="ramme-dl">
        <dt>Slags</dt>
        <dd>{BODY_KIND_LABELS[b.kind]}</dd>
        <dt>Område</dt>
        <dd>{b.area_name ?? 'Nationalt'}</dd>
        <dt>Rapporterer til</dt>
        <dd>{b.reports_to_id ? <a href={`/samarbejde/organer/${b.reports_to_id}`}>{b.reports_to_name}</a> : '–'}</dd>
        {b.description && (
          <>
            <dt>Beskrivelse</dt>
            <dd>{b.description}</dd>
          </>
        )}
      </dl>
      <p>
        <a href={`/samarbejde/moeder?body=${b.id}`}>Møder i {b.name}</a> · <a href={`/samarbejde/organer/${b.id}/kalender.ics`}>Kalender (iCalendar)</a>
      </p>
      <h2>Kommissorium</h2>
      {mandate ? (
        <>
          <p class="form-hint">
            Gælder {period(mandate.valid_from, mandate.valid_to)}
            {mandate.approved_by ? ` · godkendt af ${mandate.approved_by}` : ''}
          </p>
          <p class="ramme-pre">{mandate.text}</p>
        </>
      ) : (
        <p>Organet har intet gældende kommissorium.</p>
      )}
      {p.mandates.filter((m) => m !== mandate).length > 0 && (
        <details>
          <summary>Andre kommissorier</summary>
          <ul>
            {p.mandates
              .filter((m) => m !== mandate)
              .map((m) => (
                <li>
                  {period(m.valid_from, m.valid_to)}: {m.text.slice(0, 160)}
                  {m.text.length > 160 ? '…' : ''}
                </li>
              ))}
          </ul>
        </details>
      )}
      <h2>Medlemmer</h2>
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--zebra table--compact">
          <caption>Medlemmer af {b.name}, nuværende og tidligere</caption>
          <thead>
            <tr>
              <th scope="col">Navn</th>
              <th scope="col">Organisation</th>
              <th scope="col">Rolle</th>
              <th scope="col">Periode</th>
              {p.canEdit && <th scope="col">Afslut</th>}
            </tr>
          </thead>
          <tbody>
            {p.members.map((m) => (
              <tr>
                <td>{m.person_name}</td>
                <td>{m.organisation_name}</td>
                <td>{MEMBER_ROLE_LABELS[m.role]}</td>
                <td>
                  {period(m.valid_from, m.valid_to)}
                  {m.isCurrent ? '' : ' (ikke medlem i dag)'}
                </td>
                {p.canEdit && (
                  <td>
                    {m.valid_to === null ? (
                      <form method="post" action={`/samarbejde/medlemmer/${m.id}/afslut`} class="ramme-inline">
                        <CsrfField token={p.csrf} />
                        <input type="hidden" name="validTo" value={p.today} />
                        <button class="button button-tertiary" type="submit">
                          Afslut i dag<span class="sr-only"> for {m.person_name}</span>
                        </button>
                      </form>
                    ) : (
                      '–'
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.canEdit && (
        <>
          <h2>Tilføj medlem</h2>
          <form method="post" action={`/samarbejde/organer/${b.id}/medlemmer`} novalidate>
            <CsrfField token={p.csrf} />
            <Field name="personName" label="Navn" value={v('member', 'personName')} errors={errs('member')} required maxlength={120} />
            <Select
              name="organisationId"
              label="Organisation"
              options={p.organisations.map((o) => ({ value: String(o.id), label: o.name }))}
              value={v('member', 'organisationId')}
              emptyLabel="Anden organisation (skriv nedenfor)"
              errors={errs('member')}
            />
            <Field
              name="organisationText"
              label="Anden organisation"
              hint="Fx KL eller Socialstyrelsen"
              value={v('member', 'organisationText')}
              errors={errs('member')}
              maxlength={200}
            />
            <Select name="role" label="Rolle" options={roleOptions} value={v('member', 'role', 'medlem')} errors={errs('member')} required />
            <Field name="validFrom" label="Medlem fra" type="date" value={v('member', 'validFrom', p.today)} errors={errs('member')} required />
            <Field name="validTo" label="Medlem til" hint="Tomt: indtil videre" type="date" value={v('member', 'validTo')} errors={errs('member')} />
            <button class="button button-primary" type="submit">
              Tilføj medlem
            </button>
          </form>
          <h2>Nyt kommissorium</h2>
          <form method="post" action={`/samarbejde/organer/${b.id}/kommissorium`} novalidate>
            <CsrfField token={p.csrf} />
            <TextArea name="text" label="Kommissorium" rows={8} value={v('mandate', 'text')} errors={errs('mandate')} required maxlength={20000} />
            <Field name="approvedBy" label="Godkendt af" value={v('mandate', 'approvedBy')} errors={errs('mandate')} maxlength={200} />
            <Field name="validFrom" label="Gælder fra" type="date" value={v('mandate', 'validFrom', p.today)} errors={errs('mandate')} required />
            <Field name="validTo" label="Gælder til" hint="Tomt: indtil videre" type="date" value={v('mandate', 'validTo')} errors={errs('mandate')} />
            <button class="button button-primary" type="submit">
              Gem kommissorium
            </button>
          </form>
        </>
      )}
    </>
  );
};

export const StructurePage = (p: Awaited<ReturnType<typeof structurePage>> & { csrf: string; errors?: FieldErrors; saved?: boolean }) => {
  const s = p.structure;
  const placed = new Map(p.nodes.map((n) => [n.id, n]));
  const added = new Set(p.comparison?.added.map((n) => n.id) ?? []);
  return (
    <>
      <h1>{s.title}</h1>
      {p.saved && <Alert kind="success" heading="Organiseringen er gemt." />}
      <ErrorSummary errors={p.errors} />
      <p>
        {s.area_name} · {s.status === 'gaeldende' ? 'Gældende organisering' : 'Forslag'} · oprettet {formatDate(s.created_at)} af {s.created_by}
      </p>
      {s.note && <p class="ramme-pre">{s.note}</p>}
      <h2>{s.status === 'forslag' ? 'Forslaget' : 'Diagram'}</h2>
      <OrgChart nodes={p.nodes} title={s.title} id="diagram-version" highlight={added} />
      {p.comparison && (
        <>
          <h2>Sammenlignet med den gældende organisering</h2>
          <OrgChart nodes={p.current} title="Gældende organisering" id="diagram-gaeldende" />
          <h3>Ændringer</h3>
          <ul>
            {p.comparison.added.map((n) => (
              <li>Nyt: {n.name}</li>
            ))}
            {p.comparison.removed.map((n) => (
              <li>Udgår: {n.name}</li>
            ))}
            {p.comparison.moved.map((m) => (
              <li>
                {m.node.name} rapporterer til {m.to ?? 'ingen (øverst)'} i stedet for {m.from ?? 'ingen (øverst)'}
              </li>
            ))}
            {!p.comparison.added.length && !p.comparison.removed.length && !p.comparison.moved.length && <li>Ingen ændringer endnu.</li>}
          </ul>
        </>
      )}
      {p.canEdit && (
        <>
          <h2>Ret organiseringen</h2>
          <form method="post" action={`/samarbejde/organisering/${s.id}`} novalidate>
            <CsrfField token={p.csrf} />
            <div class="ramme-table-wrap" tabindex={0}>
              <table class="table table--compact">
                <caption>Organerne i området: med i versionen, og hvem de rapporterer til</caption>
                <thead>
                  <tr>
                    <th scope="col">Organ</th>
                    <th scope="col">Placering</th>
                  </tr>
                </thead>
                <tbody>
                  {p.areaBodies.map((b) => {
                    const n = placed.get(b.id);
                    return (
                      <tr>
                        <th scope="row">{b.name}</th>
                        <td>
                          <Select
                            name={`reportsTo-${b.id}`}
                            label={`Placering af ${b.name}`}
                            value={n ? (n.reportsToId === null ? 'top' : String(n.reportsToId)) : ''}
                            emptyLabel="Ikke med"
                            options={[
                              { value: 'top', label: 'Øverst (rapporterer ikke til et organ)' },
                              ...p.areaBodies.filter((o) => o.id !== b.id).map((o) => ({ value: String(o.id), label: `Rapporterer til ${o.name}` })),
                            ]}
                            errors={p.errors}
                          />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <button class="button button-primary" type="submit">
              Gem organiseringen
            </button>
          </form>
          <p>
            <a href={`/samarbejde/organer/ny?area=${s.area_code}`}>Opret et nyt organ</a> (det placeres i den gældende organisering; placér det derefter her).
          </p>
        </>
      )}
    </>
  );
};
