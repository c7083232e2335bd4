/**
 * @module The tariffs front page (public: the published overviews; an operator's own offerings and their round;
 * the secretariat's queue) and an offering's tariff history.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { hasRole, type Actor } from '../../core/auth/actor.js';
import type { AppContext } from '../../core/capability.js';
import type { Db } from '../../core/db/types.js';
import { notFound } from '../../core/errors.js';
import { Alert, formatDate, formatDateTime } from '../../core/web/components.js';
import { canEditTariffsOf, canSeeVersion } from '../access.js';
import { publishedYears } from '../overview.repository.js';
import { deadlineFor, findRule } from '../rules.repository.js';
import { offeringContext, versionsOfOffering } from '../tariffs.repository.js';
import { todayDk } from '../tariffs.service.js';
import type { TariffStatus } from '../tariffs.table.js';
import { ChangeText, dkKr, dkPct, StatusTag, unitLabel } from './parts.js';

/** The round being worked on: next year's tariffs. */
export const roundYear = () => Number(todayDk().slice(0, 4)) + 1;

async function ownOfferings(db: Db, actor: Actor, years: number[]) {
  return db
    .selectFrom('offering as o')
    .leftJoin('tariff as t', (j) => j.onRef('t.offering_id', '=', 'o.id').on('t.year', 'in', years))
    .leftJoin('tariff_version as v', (j) => j.onRef('v.tariff_id', '=', 't.id'))
    .select(['o.id', 'o.name', 't.year', 'v.id as version_id', 'v.version', 'v.status', 'v.superseded_at', 'v.average_tariff', 'v.is_flagged'])
    .where('o.operator_org_id', '=', actor.organisationId)
    .where('o.status', '!=', 'lukket')
    .orderBy('o.name')
    .orderBy('v.version')
    .execute();
}

async function reviewQueue(db: Db, actor: Actor) {
  if (!actor.areaIds.length) return [];
  return db
    .selectFrom('tariff_version as v')
    .innerJoin('tariff as t', 't.id', 'v.tariff_id')
    .innerJoin('offering as o', 'o.id', 't.offering_id')
    .select(['v.id', 'o.name', 't.year', 'v.version', 'v.submitted_at', 'v.is_flagged', 'v.is_on_time', 'v.average_tariff', 'v.nominal_change_pct'])
    .where('t.area_id', 'in', actor.areaIds)
    .where('v.status', '=', 'indsendt')
    .orderBy('v.submitted_at')
    .limit(200)
    .execute();
}

export function homePages(app: FastifyInstance, { db }: AppContext) {
  app.get('/takster', { schema: { hide: true } }, async (req, reply) => {
    const actor = req.actor;
    const year = roundYear();
    const published = await publishedYears(db);
    const isOperator = !!actor && canEditTariffsOf(actor, { operator_org_id: actor.organisationId });
    const isSecretariat = !!actor && hasRole(actor, 'sekretariat') && actor.organisationKind === 'secretariat';
    const own = isOperator ? await ownOfferings(db, actor!, [year - 1, year]) : [];
    const queue = isSecretariat ? await reviewQueue(db, actor!) : [];
    const areas = [...new Map(published.map((p) => [p.code, p.name])).entries()];
    const byOffering = new Map<number, { name: string; cells: Map<number, (typeof own)[number]> }>();
    for (const r of own) {
      const e = byOffering.get(r.id) ?? { name: r.name, cells: new Map() };
      if (r.year && r.version_id && !r.superseded_at) e.cells.set(r.year, r);
      byOffering.set(r.id, e);
    }
    const ownArea = actor?.areaIds[0];
    const areaCode = ownArea ? (await db.selectFrom('agreement_area').select('code').where('id', '=', ownArea).executeTakeFirst())?.code : undefined;
    const rule = ownArea ? await findRule(db, ownArea, year) : null;
    return reply.page({
      title: 'Takster',
      breadcrumbs: [{ href: '/', label: 'Forside' }, { label: 'Takster' }],
      body: (
        <>
          {(req.query as Record<string, string>).slettet === '1' && <Alert kind="success">Kladden er slettet.</Alert>}
          <h1>Takster</h1>
          <p>
            Kommunerne afregner alene ud fra en takstoversigt, der bygger på et åbent og gennemsigtigt beregningsgrundlag. Hver takst kan åbnes og viser beregningen trin for trin. Stigninger over
            aftalens grænse i døgn- og botilbud indberettes til socialtilsynet og drøftes i styregruppen to gange om året.
          </p>
          <h2>Takstoversigter</h2>
          {areas.length === 0 ? (
            <p>Ingen takstoversigter er offentliggjort endnu.</p>
          ) : (
            <ul>
              {areas.map(([code, name]) => (
                <li>
                  {name}:{' '}
                  {published
                    .filter((p) => p.code === code)
                    .map((p, i) => (
                      <>
                        {i > 0 ? ', ' : ''}
                        <a href={`/takster/oversigt/${code}/${p.year}`}>{p.year}</a>
                      </>
                    ))}
                </li>
              ))}
            </ul>
          )}
          {isOperator && (
            <section aria-labelledby="egne">
              <h2 id="egne">Jeres tilbuds takster</h2>
              {rule && <p>Frist for takster {year}: {formatDate(deadlineFor(rule, year))}.</p>}
              <div class="ramme-table-wrap" tabindex={0}>
                <table class="table table--zebra table--compact">
                  <caption class="sr-only">Takster for de tilbud, {actor!.organisationName} driver</caption>
                  <thead>
                    <tr>
                      <th scope="col">Tilbud</th>
                      <th scope="col">Takst {year - 1}</th>
                      <th scope="col">Takst {year}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...byOffering.entries()].map(([id, e]) => (
                      <tr>
                        <td>
                          <a href={`/takster/tilbud/${id}`}>{e.name}</a>
                        </td>
                        {[year - 1, year].map((y) => {
                          const c = e.cells.get(y);
                          return (
                            <td>
                              {c ? (
                                <a href={`/takster/${c.version_id}`}>
                                  {dkKr(c.average_tariff)} <StatusTag status={c.status as TariffStatus} />
                                </a>
                              ) : (
                                <a href={`/takster/tilbud/${id}/${y}/ny`}>
                                  Beregn<span class="sr-only"> takst {y} for {e.name}</span>
                                </a>
                              )}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}
          {isSecretariat && (
            <section aria-labelledby="behandling">
              <h2 id="behandling">Til behandling ({queue.length})</h2>
              <div class="ramme-actions">
                {areaCode && <a href={`/takster/oversigt/${areaCode}/${year}?forhaandsvisning=1`}>Takstrunden {year}</a>}
                <a href="/takster/indberetning">Indberetning til socialtilsynet</a>
                <a href="/takster/styregruppe">Styregruppens gennemgang</a>
              </div>
              {queue.length === 0 ? (
                <p>Ingen indsendte takster venter.</p>
              ) : (
                <div class="ramme-table-wrap" tabindex={0}>
                  <table class="table table--zebra table--compact">
                    <caption class="sr-only">Indsendte takster, der venter på godkendelse</caption>
                    <thead>
                      <tr>
                        <th scope="col">Tilbud</th>
                        <th scope="col">År</th>
                        <th scope="col">Indsendt</th>
                        <th scope="col" class="ramme-num">
                          Gennemsnitstakst
                        </th>
                        <th scope="col" class="ramme-num">
                          Nominel ændring
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {queue.map((q) => (
                        <tr>
                          <td>
                            <a href={`/takster/${q.id}`}>{q.name}</a>
                            {q.version > 1 ? ` (version ${q.version})` : ''}
                          </td>
                          <td>{q.year}</td>
                          <td>
                            {formatDateTime(q.submitted_at)}
                            {q.is_on_time === false ? ' (efter fristen)' : ''}
                          </td>
                          <td class="ramme-num">{dkKr(q.average_tariff)}</td>
                          <td class="ramme-num">
                            <ChangeText pct={q.nominal_change_pct} flagged={q.is_flagged} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          )}
          <h2>Regler og beregning</h2>
          <ul>
            <li>
              <a href="/takster/regler">Takstregler pr. rammeaftale og P/L-fremskrivning</a>
            </li>
            <li>
              <a href="/api/docs">Beregn selv en takst via det åbne API</a> (POST /api/tariffs/calculate, uden login)
            </li>
          </ul>
        </>
      ),
    });
  });

  app.get('/takster/tilbud/:offeringId', { schema: { hide: true } }, async (req, reply) => {
    const p = z.object({ offeringId: z.coerce.number().int().positive().max(2147483647) }).safeParse(req.params);
    if (!p.success) throw notFound('Tilbuddet findes ikke.');
    const year = roundYear();
    const ctx = await offeringContext(db, p.data.offeringId, year);
    if (!ctx) throw notFound('Tilbuddet findes ikke.');
    const isEditor = canEditTariffsOf(req.actor, ctx);
    const versions = (await versionsOfOffering(db, ctx.id)).filter((v) => canSeeVersion(req.actor, { status: v.status, area_id: ctx.area?.id ?? -1 }, ctx));
    const years = new Set(versions.map((v) => v.year));
    return reply.page({
      title: `Takster for ${ctx.name}`,
      breadcrumbs: [{ href: '/', label: 'Forside' }, { href: '/takster', label: 'Takster' }, { label: ctx.name }],
      body: (
        <>
          <h1>Takster for {ctx.name}</h1>
          <p>
            {ctx.offering_type_name} · {ctx.legal_basis_law} {ctx.legal_basis_paragraph} · {ctx.operator_name} · {ctx.municipality_name}
          </p>
          {isEditor && (
            <div class="ramme-actions">
              {[year, year - 1].filter((y) => !years.has(y)).map((y) => (
                <a class="button button-primary" href={`/takster/tilbud/${ctx.id}/${y}/ny`}>
                  Beregn takst {y}
                </a>
              ))}
            </div>
          )}
          {versions.length === 0 ? (
            <p>Ingen takster at vise.</p>
          ) : (
            <div class="ramme-table-wrap" tabindex={0}>
              <table class="table table--zebra table--compact">
                <caption>Alle takster og versioner</caption>
                <thead>
                  <tr>
                    <th scope="col">År</th>
                    <th scope="col">Version</th>
                    <th scope="col">Status</th>
                    <th scope="col">Enhed</th>
                    <th scope="col" class="ramme-num">
                      Takst
                    </th>
                    <th scope="col" class="ramme-num">
                      Belægning
                    </th>
                    <th scope="col" class="ramme-num">
                      Nominel ændring
                    </th>
                    <th scope="col" class="ramme-num">
                      Real ændring
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {versions.map((v) => (
                    <tr>
                      <td>
                        <a href={`/takster/${v.id}`}>{v.year}</a>
                      </td>
                      <td>
                        {v.version}
                        {v.correction_reason ? <small> (rettelse)</small> : ''}
                      </td>
                      <td>
                        <StatusTag status={v.status} superseded={!!v.superseded_at} />
                      </td>
                      <td>{unitLabel(v.unit)}</td>
                      <td class="ramme-num">
                        {(v.level_summary ?? '').split('|').length > 1
                          ? (v.level_summary ?? '').split('|').map((l) => (
                              <>
                                {l.replace(/: (\S+)$/, (_m, t: string) => `: ${dkKr(t)}`)}
                                <br />
                              </>
                            ))
                          : dkKr(v.average_tariff)}
                      </td>
                      <td class="ramme-num">{dkPct(v.occupancy_pct_used)}</td>
                      <td class="ramme-num">
                        <ChangeText pct={v.nominal_change_pct} flagged={v.is_flagged} />
                      </td>
                      <td class="ramme-num">
                        <ChangeText pct={v.real_change_pct} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ),
    });
  });
}
