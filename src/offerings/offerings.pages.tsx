/**
 * @module Pages of the offerings register: list with filters, detail, create, edit, close.
 * Export and import live in offerings.transfer.tsx.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../core/auth/actor.js';
import { requireActor } from '../core/auth/actor.js';
import type { AppContext } from '../core/capability.js';
import type { Db } from '../core/db/types.js';
import { HttpError, notFound } from '../core/errors.js';
import { Alert, CsrfField, DescriptionList, ErrorSummary, Field, Pagination, Select, TextArea, formatDate, formatDateTime, formatNumber } from '../core/web/components.js';
import { idFrom } from './offerings.api.js';
import { OfferingForm, formToInput, inputToForm, type FormValues } from './offerings.form.js';
import { getOffering, listOfferings, referenceLists, today } from './offerings.repository.js';
import { FIELD_LABELS, ZListQuery, type TListQuery } from './offerings.schema.js';
import { canCreateOfferings, canEditOffering, closeOffering, createOffering, patchOffering, toInput } from './offerings.service.js';
import { OFFERING_STATUSES, PROTECTION_LABELS, STATUS_LABELS } from './offerings.table.js';

const crumbs = [{ href: '/', label: 'Forside' }, { href: '/tilbud', label: 'Tilbudsregister' }];

/** Query string for the list, without empty values (page links, export links, sorting). */
export function listHref(base: string, f: Partial<TListQuery>, change: Partial<TListQuery> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...change })) {
    if (v === undefined || v === null || v === '') continue;
    if ((k === 'page' && v === 1) || (k === 'pageSize' && v === 25) || (k === 'sort' && v === 'name') || (k === 'dir' && v === 'asc')) continue;
    p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `${base}?${s}` : base;
}

/** Organisations the actor may choose as operator in the form. */
async function operatorChoices(db: Db, actor: Actor) {
  if (actor.organisationKind !== 'secretariat') return [{ id: actor.organisationId, name: actor.organisationName }];
  return db.selectFrom('organisation').select(['id', 'name']).where('kind', '!=', 'secretariat').orderBy('kind').orderBy('name').execute();
}

/** Parses the list query leniently for pages: a bad filter value is dropped with a message instead of failing the page. */
function pageQuery(raw: unknown): { query: TListQuery; problems: string[] } {
  const result = ZListQuery.safeParse(raw);
  if (result.success) return { query: result.data, problems: [] };
  const cleaned = { ...(raw as Record<string, unknown>) };
  const problems: string[] = [];
  for (const issue of result.error.issues) {
    const key = String(issue.path[0]);
    delete cleaned[key];
    problems.push(`Filteret "${key}" blev ignoreret: ${issue.message}`);
  }
  return { query: ZListQuery.parse(cleaned), problems };
}

export function offeringsPages(app: FastifyInstance, { db }: AppContext) {
  app.get('/tilbud', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req.actor);
    const { query: f, problems } = pageQuery(req.query);
    const [result, refs] = await Promise.all([listOfferings(db, f), referenceLists(db)]);
    const sortLink = (key: TListQuery['sort'], label: string) => {
      const active = f.sort === key;
      const nextDir = active && f.dir === 'asc' ? 'desc' : 'asc';
      return (
        <th scope="col" aria-sort={active ? (f.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
          <a href={listHref('/tilbud', f, { sort: key, dir: nextDir, page: 1 })}>
            {label}
            {active ? (f.dir === 'asc' ? ' ▲' : ' ▼') : ''}
            <span class="sr-only">{active ? ` (sorteret ${f.dir === 'asc' ? 'stigende' : 'faldende'})` : ' (sortér)'}</span>
          </a>
        </th>
      );
    };
    return reply.page({
      title: 'Tilbudsregister',
      breadcrumbs: [{ href: '/', label: 'Forside' }, { label: 'Tilbudsregister' }],
      body: (
        <>
          <h1>Tilbudsregister</h1>
          <p>Tilbud omfattet af rammeaftalerne: driftsherre, lovgrundlag, målgrupper, pladser og status.</p>
          {problems.length > 0 && <Alert kind="warning" heading="Nogle filtre kunne ikke bruges">{problems.map((p) => <p>{p}</p>)}</Alert>}
          {canCreateOfferings(actor) && (
            <div class="ramme-actions">
              <a class="button button-primary" href="/tilbud/ny">
                Opret tilbud
              </a>
              <a class="button button-secondary" href="/tilbud/import">
                Importér fra CSV eller Excel
              </a>
            </div>
          )}
          {actor.organisationKind !== 'secretariat' && !f.operator && (
            <p>
              <a href={listHref('/tilbud', f, { operator: actor.organisationId, page: 1 })}>Vis kun tilbud, som {actor.organisationName} driver</a>
            </p>
          )}
          {f.operator && (
            <p>
              Viser kun tilbud med driftsherre nr. {f.operator}
              {f.operator === actor.organisationId ? ` (${actor.organisationName})` : ''}. <a href={listHref('/tilbud', { ...f, operator: undefined }, { page: 1 })}>Vis alle driftsherrer</a>
            </p>
          )}
          <form method="get" action="/tilbud" data-autosubmit aria-label="Filtrér tilbud">
            {f.operator && <input type="hidden" name="operator" value={String(f.operator)} />}
            <div class="ramme-filters">
              <Field name="q" label="Søg" type="search" value={f.q} hint="Navn, beskrivelse, adresse eller by" />
              <Select name="area" label="Rammeaftale" value={f.area} emptyLabel="Alle" options={refs.areas.map((a) => ({ value: a.code, label: a.name }))} />
              <Select name="municipality" label="Kommune" value={f.municipality ? String(f.municipality) : ''} emptyLabel="Alle" options={refs.municipalities.map((m) => ({ value: String(m.code), label: m.name }))} />
              <Select name="operatorType" label="Driftsform" value={f.operatorType} emptyLabel="Alle" options={refs.operatorTypes.map((o) => ({ value: o.code, label: o.name }))} />
              <Select name="legalBasis" label="Lovgrundlag" value={f.legalBasis} emptyLabel="Alle" options={refs.legalBases.map((l) => ({ value: l.code, label: `${l.law} ${l.paragraph}` }))} />
              <Select name="targetGroup" label="Målgruppe" value={f.targetGroup} emptyLabel="Alle" options={refs.targetGroups.map((t) => ({ value: t.code, label: t.parent_code ? `– ${t.name}` : t.name }))} />
              <Select name="status" label="Status" value={f.status} emptyLabel="Alle" options={OFFERING_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
            </div>
            <input type="hidden" name="sort" value={f.sort} />
            <input type="hidden" name="dir" value={f.dir} />
            <div class="ramme-actions">
              <button type="submit" class="button button-primary">
                Vis tilbud
              </button>
              <a href="/tilbud">Nulstil filtre</a>
            </div>
          </form>
          <div class="ramme-actions">
            <a href={listHref('/tilbud/eksport.csv', { ...f, page: undefined, pageSize: undefined })}>Hent listen som CSV</a>
            <a href={listHref('/tilbud/eksport.xlsx', { ...f, page: undefined, pageSize: undefined })}>Hent listen som Excel</a>
          </div>
          <p role="status">
            {formatNumber(result.total)} tilbud fundet.
          </p>
          <div class="ramme-table-wrap" tabindex={0}>
            <table class="table table--zebra table--compact">
              <caption class="sr-only">Tilbud, side {result.page}</caption>
              <thead>
                <tr>
                  {sortLink('name', 'Navn')}
                  {sortLink('municipality', 'Kommune')}
                  <th scope="col">Driftsherre</th>
                  <th scope="col">Lovgrundlag</th>
                  <th scope="col">Målgrupper</th>
                  {sortLink('places', 'Pladser')}
                  {sortLink('status', 'Status')}
                  {sortLink('updated', 'Opdateret')}
                </tr>
              </thead>
              <tbody>
                {result.rows.length === 0 && (
                  <tr>
                    <td colspan={8}>Ingen tilbud matcher filtrene.</td>
                  </tr>
                )}
                {result.rows.map((r) => (
                  <tr>
                    <td>
                      <a href={`/tilbud/${r.id}`}>{r.name}</a>
                    </td>
                    <td>{r.municipality_name}</td>
                    <td>
                      {r.operator_name}
                      <br />
                      <small>{r.operator_type_name}</small>
                    </td>
                    <td>
                      {r.legal_basis_law} {r.legal_basis_paragraph}
                    </td>
                    <td>{r.target_group_names}</td>
                    <td class="ramme-num">{r.places}</td>
                    <td>{STATUS_LABELS[r.status]}</td>
                    <td>{formatDate(new Date(r.updated_at).toISOString())}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefFor={(n) => listHref('/tilbud', f, { page: n })} />
        </>
      ),
    });
  });

  const showForm = async (req: FastifyRequest, reply: FastifyReply, opts: { id?: number; values: FormValues; errors?: Record<string, string[]>; status?: number; title: string }) => {
    const actor = requireActor(req.actor);
    const [refs, operators] = await Promise.all([referenceLists(db), operatorChoices(db, actor)]);
    return reply.page({
      title: opts.title,
      status: opts.status,
      breadcrumbs: [...crumbs, ...(opts.id ? [{ href: `/tilbud/${opts.id}`, label: s(opts.values.name) || 'Tilbud' }] : []), { label: opts.id ? 'Redigér' : 'Opret' }],
      body: (
        <>
          <h1>{opts.title}</h1>
          <OfferingForm
            action={opts.id ? `/tilbud/${opts.id}/rediger` : '/tilbud/ny'}
            csrf={req.csrf}
            values={opts.values}
            errors={opts.errors}
            refs={refs}
            operators={operators}
            submitLabel={opts.id ? 'Gem ændringer' : 'Opret tilbud'}
            cancelHref={opts.id ? `/tilbud/${opts.id}` : '/tilbud'}
          />
        </>
      ),
    });
  };
  const s = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

  app.get('/tilbud/ny', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req.actor);
    if (!canCreateOfferings(actor)) throw new HttpError(403, 'Du kan ikke oprette tilbud.');
    const defaults: FormValues = {
      operatorOrganisationId: String(actor.organisationId),
      operatorType: actor.organisationKind === 'municipality' ? 'kommunal' : actor.organisationKind === 'region' ? 'regional' : actor.organisationKind === 'provider' ? 'privat' : '',
      status: 'aktiv',
      statusSince: today(),
      isCovered: 'on',
      protection: 'ingen',
      ageMin: '18',
      ageMax: '99',
    };
    return showForm(req, reply, { values: defaults, title: 'Opret tilbud' });
  });

  app.post('/tilbud/ny', { schema: { hide: true } }, async (req, reply) => {
    const body = (req.body ?? {}) as FormValues;
    try {
      const id = await createOffering(db, req.actor, formToInput(body));
      return reply.redirect(`/tilbud/${id}?oprettet=1`, 303);
    } catch (error) {
      if (error instanceof HttpError && error.statusCode === 400) return showForm(req, reply, { values: body, errors: Object.keys(error.fieldErrors).length ? error.fieldErrors : { _: [error.message] }, status: 400, title: 'Opret tilbud' });
      throw error;
    }
  });

  app.get('/tilbud/:id', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req.actor);
    const o = await getOffering(db, idFrom(req.params));
    if (!o) throw notFound('Tilbuddet findes ikke.');
    const editable = await canEditOffering(db, actor, { operatorOrgId: o.operator_org_id, municipalityCode: o.municipality_code });
    const history = await db
      .selectFrom('audit_log')
      .select(['at', 'actor_username', 'action'])
      .where('entity', '=', 'offering')
      .where('entity_id', '=', String(o.id))
      .orderBy('at', 'desc')
      .limit(10)
      .execute();
    const query = req.query as Record<string, string>;
    const notice = query.oprettet === '1' ? 'Tilbuddet er oprettet.' : query.gemt === '1' ? 'Ændringerne er gemt.' : null;
    return reply.page({
      title: o.name,
      breadcrumbs: [...crumbs, { label: o.name }],
      body: (
        <>
          {notice && <Alert kind="success">{notice}</Alert>}
          <h1>{o.name}</h1>
          <p>
            {o.offering_type_name} · {o.municipality_name} · {STATUS_LABELS[o.status]}
          </p>
          {editable && (
            <div class="ramme-actions">
              <a class="button button-primary" href={`/tilbud/${o.id}/rediger`}>
                Redigér tilbud
              </a>
              {o.status !== 'lukket' && (
                <a class="button button-secondary" href={`/tilbud/${o.id}/luk`}>
                  Luk eller afvikl tilbud
                </a>
              )}
            </div>
          )}
          <p>
            <a href={`/takster/tilbud/${o.id}`}>Se tilbuddets takster og beregninger</a>
          </p>
          <h2>Stamdata</h2>
          <DescriptionList
            items={[
              ['Driftsherre', `${o.operator_name} (${o.operator_type_name})`],
              ['Adresse', `${o.address}, ${o.postal_code} ${o.city}`],
              ['Beliggenhedskommune', o.municipality_name],
              ['Rammeaftale', o.areas.map((a) => a.name).join(', ')],
              ['Omfattet af rammeaftalen', o.is_covered ? 'Ja' : 'Nej'],
              ['Beskyttelse', PROTECTION_LABELS[o.protection]],
            ]}
          />
          <h2>Lovgrundlag og målgrupper</h2>
          <DescriptionList
            items={[
              ['Primært lovgrundlag', `${o.legal_basis_law} ${o.legal_basis_paragraph}: ${o.legal_basis_title}`],
              ['Øvrige lovgrundlag', o.extraLegalBases.map((l) => `${l.law} ${l.paragraph}: ${l.title}`).join('; ')],
              ['Målgrupper', o.targetGroups.map((t) => t.name).join(', ')],
              ['Tilbudstype', o.offering_type_name],
            ]}
          />
          <h2>Pladser og status</h2>
          <DescriptionList
            items={[
              ['Normerede pladser', String(o.places)],
              ['Alder', `${o.age_min}–${o.age_max} år`],
              ['Status', `${STATUS_LABELS[o.status]} siden ${formatDate(o.status_since)}`],
              ['Socialtilsyn', o.socialtilsyn_name],
              ['Godkendt', formatDate(o.approval_date)],
            ]}
          />
          <h2>Beskrivelse og kontakt</h2>
          <p class="ramme-pre">{o.description ?? 'Ingen beskrivelse.'}</p>
          <DescriptionList
            items={[
              ['Kontaktperson', o.contact_name],
              ['E-mail', o.contact_email ? <a href={`mailto:${o.contact_email}`}>{o.contact_email}</a> : null],
              ['Telefon', o.contact_phone],
              ['Oprettet', formatDateTime(o.created_at)],
              ['Senest opdateret', formatDateTime(o.updated_at)],
            ]}
          />
          <h2>Historik</h2>
          {history.length === 0 ? (
            <p>Ingen registrerede ændringer.</p>
          ) : (
            <ul>
              {history.map((h) => (
                <li>
                  {formatDateTime(h.at)}: {h.action === 'create' ? 'oprettet' : h.action === 'update' ? 'ændret' : 'slettet'} af {h.actor_username}
                </li>
              ))}
            </ul>
          )}
          <p>
            <a href={`/api/offerings/${o.id}`}>Se tilbuddet som JSON</a>
          </p>
        </>
      ),
    });
  });

  app.get('/tilbud/:id/rediger', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req.actor);
    const id = idFrom(req.params);
    const o = await getOffering(db, id);
    if (!o) throw notFound('Tilbuddet findes ikke.');
    if (!(await canEditOffering(db, actor, { operatorOrgId: o.operator_org_id, municipalityCode: o.municipality_code })))
      throw new HttpError(403, 'Du kan kun redigere tilbud, som din egen organisation driver (sekretariatet: tilbud i eget rammeaftaleområde).');
    return showForm(req, reply, { id, values: inputToForm(toInput(o)), title: `Redigér ${o.name}` });
  });

  app.post('/tilbud/:id/rediger', { schema: { hide: true } }, async (req, reply) => {
    const id = idFrom(req.params);
    const body = (req.body ?? {}) as FormValues;
    try {
      await patchOffering(db, req.actor, id, formToInput(body));
      return reply.redirect(`/tilbud/${id}?gemt=1`, 303);
    } catch (error) {
      if (error instanceof HttpError && error.statusCode === 400)
        return showForm(req, reply, { id, values: body, errors: Object.keys(error.fieldErrors).length ? error.fieldErrors : { _: [error.message] }, status: 400, title: `Redigér ${s(body.name)}` });
      throw error;
    }
  });

  const closeForm = async (req: FastifyRequest, reply: FastifyReply, values: FormValues, errors?: Record<string, string[]>) => {
    requireActor(req.actor);
    const id = idFrom(req.params);
    const o = await getOffering(db, id);
    if (!o) throw notFound('Tilbuddet findes ikke.');
    if (!(await canEditOffering(db, req.actor, { operatorOrgId: o.operator_org_id, municipalityCode: o.municipality_code }))) throw new HttpError(403, 'Du kan kun lukke tilbud, som din egen organisation driver.');
    return reply.page({
      title: `Luk ${o.name}`,
      status: errors ? 400 : 200,
      breadcrumbs: [...crumbs, { href: `/tilbud/${o.id}`, label: o.name }, { label: 'Luk' }],
      body: (
        <>
          <h1>Luk eller afvikl {o.name}</h1>
          <p>Tilbuddet er i dag: {STATUS_LABELS[o.status]} (siden {formatDate(o.status_since)}). Ændringen registreres i loggen med din begrundelse.</p>
          <ErrorSummary errors={errors} labels={FIELD_LABELS} />
          <form method="post" action={`/tilbud/${o.id}/luk`}>
            <CsrfField token={req.csrf} />
            <Select
              name="status"
              label="Ny status"
              value={s(values.status) || 'lukket'}
              errors={errors}
              options={(['lukket_for_indskrivning', 'under_afvikling', 'lukket'] as const).map((v) => ({ value: v, label: STATUS_LABELS[v] }))}
            />
            <Field name="statusSince" label="Fra dato" type="date" value={s(values.statusSince) || today()} errors={errors} required />
            <TextArea name="reason" label="Begrundelse" value={s(values.reason)} errors={errors} required maxlength={1000} hint="Fx politisk beslutning, dato for drøftelse i styregruppen." />
            <div class="ramme-actions">
              <button type="submit" class="button button-primary">
                Gem ny status
              </button>
              <a href={`/tilbud/${o.id}`}>Annullér</a>
            </div>
          </form>
        </>
      ),
    });
  };

  app.get('/tilbud/:id/luk', { schema: { hide: true } }, async (req, reply) => closeForm(req, reply, {}));
  app.post('/tilbud/:id/luk', { schema: { hide: true } }, async (req, reply) => {
    const id = idFrom(req.params);
    const body = (req.body ?? {}) as FormValues;
    try {
      await closeOffering(db, req.actor, id, { status: s(body.status), statusSince: s(body.statusSince), reason: s(body.reason) });
      return reply.redirect(`/tilbud/${id}?gemt=1`, 303);
    } catch (error) {
      if (error instanceof HttpError && error.statusCode === 400) return closeForm(req, reply, body, Object.keys(error.fieldErrors).length ? error.fieldErrors : { _: [error.message] });
      throw error;
    }
  });
}

