/**
 * @module The audit log for the secretariat: every create, update and delete with actor, organisation,
 * time, entity and before/after values, filterable. A secretariat sees changes made by its own
 * organisation, by the members of its agreement area(s) and by private providers.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { requireRole } from '../core/auth/actor.js';
import type { AppContext } from '../core/capability.js';
import type { Db } from '../core/db/types.js';
import { zDate } from '../core/validation.js';
import { Alert, Field, Pagination, Select, formatDateTime } from '../core/web/components.js';
import { FIELD_LABELS } from '../offerings/offerings.schema.js';

const ZAuditQuery = z.object({
  entity: z.string().max(60).optional(),
  user: z.string().max(60).optional(),
  organisation: z.coerce.number().int().positive().optional(),
  action: z.enum(['create', 'update', 'delete']).optional(),
  from: zDate.optional(),
  to: zDate.optional(),
  entityId: z.string().max(60).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
});
type TAuditQuery = z.infer<typeof ZAuditQuery>;

const ACTIONS = { create: 'Oprettet', update: 'Ændret', delete: 'Slettet', sign_in: 'Logget ind', sign_in_failed: 'Mislykket login', sign_out: 'Logget ud' } as const;

/** Danish names for what was changed; an unknown entity falls back to its technical name. */
export const ENTITY_LABELS: Record<string, string> = {
  offering: 'Tilbud',
  api_token: 'API-nøgle',
  app_user: 'Bruger',
  tariff_version: 'Takst (version)',
  tariff_publication: 'Takstoversigt (offentliggørelse)',
  agreement: 'Rammeaftale',
  agreement_section: 'Aftaletekst (afsnit)',
  agreement_focus_area: 'Fokusområde',
  agreement_objective: 'Målsætning',
  agreement_indicator: 'Indikator',
  agreement_measurement: 'Måling',
  agreement_principle: 'Fælleskommunalt princip',
  agreement_commitment: 'Tilsagn',
  agreement_commitment_status: 'Status på tilsagn',
  agreement_phase: 'Fase',
  agreement_milestone: 'Milepæl',
  agreement_input_round: 'Inputrunde',
  agreement_input_group: 'Deltagergruppe',
  agreement_input_answer: 'Svar i inputrunde',
  agreement_input_vote: 'Prioriteringsstemmer',
  agreement_version: 'Aftaleversion',
  agreement_hearing_comment: 'Høringssvar',
  agreement_approval: 'Godkendelse',
};

/** Where a changed record can be opened, when it has a page of its own. */
const entityHref = (entity: string, id: string): string | null =>
  entity === 'offering' ? `/tilbud/${id}` : entity === 'tariff_version' ? `/takster/${id}` : entity === 'agreement' ? `/aftaler/${id}` : null;

/** Lists only the fields that changed between before and after. */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Array<{ field: string; before: string; after: string }> {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const show = (v: unknown) => (v === undefined ? '–' : v === null ? '(tom)' : typeof v === 'string' ? v : JSON.stringify(v));
  return keys
    .filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k]))
    .map((k) => ({ field: k, before: show(before?.[k]), after: show(after?.[k]) }));
}

async function visibleOrganisations(db: Db, areaIds: number[], ownOrg: number): Promise<number[]> {
  if (!areaIds.length) return [ownOrg];
  const members = await db.selectFrom('agreement_area_member').select('organisation_id').where('area_id', 'in', areaIds).execute();
  const providers = await db.selectFrom('organisation').select('id').where('kind', '=', 'provider').execute();
  const secretariats = await db.selectFrom('organisation').select('id').where('area_id', 'in', areaIds).execute();
  return [...new Set([ownOrg, ...members.map((m) => m.organisation_id), ...providers.map((p) => p.id), ...secretariats.map((s) => s.id)])];
}

export function auditPages(app: FastifyInstance, { db }: AppContext) {
  app.get('/log', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireRole(req.actor, 'sekretariat');
    const parsed = ZAuditQuery.safeParse(req.query);
    const f: TAuditQuery = parsed.success ? parsed.data : { page: 1 };
    const orgs = await visibleOrganisations(db, actor.areaIds, actor.organisationId);
    let q = db.selectFrom('audit_log as l').leftJoin('organisation as o', 'o.id', 'l.actor_org_id').leftJoin('app_user as u', 'u.id', 'l.actor_user_id').where((eb) => eb.or([eb('l.actor_org_id', 'in', orgs), eb('l.actor_org_id', 'is', null)]));
    if (f.entity) q = q.where('l.entity', '=', f.entity);
    if (f.entityId) q = q.where('l.entity_id', '=', f.entityId);
    if (f.user) q = q.where('l.actor_username', 'ilike', `%${f.user.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    if (f.organisation) q = q.where('l.actor_org_id', '=', f.organisation);
    if (f.action) q = q.where('l.action', '=', f.action);
    if (f.from) q = q.where(sql<boolean>`l.at >= ${f.from}::date`);
    if (f.to) q = q.where(sql<boolean>`l.at < ${f.to}::date + 1`);
    const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const pageSize = 50;
    const rows = await q
      .select(['l.id', 'l.at', 'l.actor_username', 'u.display_name', 'o.name as org_name', 'l.entity', 'l.entity_id', 'l.action', 'l.before', 'l.after'])
      .orderBy('l.at', 'desc')
      .orderBy('l.id', 'desc')
      .limit(pageSize)
      .offset((f.page - 1) * pageSize)
      .execute();
    const entities = await db.selectFrom('audit_log').select('entity').distinct().orderBy('entity').execute();
    const orgOptions = await db.selectFrom('organisation').select(['id', 'name']).where('id', 'in', orgs).orderBy('name').execute();
    const href = (page: number) => {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries({ ...f, page })) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) p.set(k, String(v));
      return `/log${p.size ? `?${p}` : ''}`;
    };
    return reply.page({
      title: 'Ændringslog',
      breadcrumbs: [{ href: '/', label: 'Forside' }, { label: 'Ændringslog' }],
      body: (
        <>
          <h1>Ændringslog</h1>
          <p>Alle oprettelser, ændringer og sletninger med hvem, hvornår og værdierne før og efter.</p>
          {!parsed.success && <Alert kind="warning">Filtrene kunne ikke læses og er nulstillet. Datoer skrives åååå-mm-dd.</Alert>}
          {f.from && f.to && f.from > f.to && <Alert kind="warning">Fra-datoen ligger efter til-datoen, så ingen ændringer kan matche. Byt om på datoerne.</Alert>}
          <form method="get" action="/log" aria-label="Filtrér log">
            <div class="ramme-filters">
              <Select name="entity" label="Type" value={f.entity} emptyLabel="Alle" options={entities.map((e) => ({ value: e.entity, label: ENTITY_LABELS[e.entity] ?? e.entity }))} />
              <Field name="entityId" label="Post-ID" value={f.entityId} />
              <Field name="user" label="Bruger" value={f.user} />
              <Select name="organisation" label="Organisation" value={f.organisation ? String(f.organisation) : ''} emptyLabel="Alle" options={orgOptions.map((o) => ({ value: String(o.id), label: o.name }))} />
              <Select name="action" label="Handling" value={f.action} emptyLabel="Alle" options={Object.entries(ACTIONS).map(([value, label]) => ({ value, label }))} />
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
                {rows.length === 0 && (
                  <tr>
                    <td colspan={6}>Ingen ændringer matcher filtrene.</td>
                  </tr>
                )}
                {rows.map((r) => {
                  const changes = changedFields(r.before, r.after);
                  return (
                    <tr>
                      <td>{formatDateTime(r.at)}</td>
                      <td>
                        {r.display_name ?? r.actor_username}
                        <br />
                        <small>{r.actor_username}</small>
                      </td>
                      <td>{r.org_name ?? 'System'}</td>
                      <td>
                        {ENTITY_LABELS[r.entity] ?? r.entity}{' '}
                        {entityHref(r.entity, r.entity_id) ? <a href={entityHref(r.entity, r.entity_id)!}>nr. {r.entity_id}</a> : `nr. ${r.entity_id}`}
                      </td>
                      <td>{ACTIONS[r.action]}</td>
                      <td>
                        <details>
                          <summary>{changes.length} felt{changes.length === 1 ? '' : 'er'}</summary>
                          <ul class="nobullet-list">
                            {changes.map((c) => (
                              <li>
                                <strong>{FIELD_LABELS[c.field] ?? c.field}</strong>: {c.before} → {c.after}
                              </li>
                            ))}
                          </ul>
                        </details>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pagination page={f.page} pageCount={Math.max(1, Math.ceil(Number(n) / pageSize))} total={Number(n)} hrefFor={href} />
        </>
      ),
    });
  });
}
