/**
 * @module The increase watch: the half-yearly report of flagged increases to the socialtilsyn (per supervisory
 * authority and municipality, with each offering's explanation) and the steering group's review list, with the
 * figures per municipality (flagged increases, tariffs submitted on time).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireActor, type Actor } from '../../core/auth/actor.js';
import type { AppContext } from '../../core/capability.js';
import type { Db } from '../../core/db/types.js';
import { notFound } from '../../core/errors.js';
import { toCsv } from '../../core/tabular/csv.js';
import { Alert, Select, formatDate } from '../../core/web/components.js';
import { formatChange } from '../increase.js';
import { requireRule, reviewDatesIn } from '../rules.repository.js';
import { todayDk } from '../tariffs.service.js';
import { figuresByOperator, flaggedApprovedBetween, type FlaggedRow, type OrgFigures } from '../watch.repository.js';
import { dkKr, dkPct, unitLabel } from './parts.js';

const ZQuery = z.object({
  area: z.string().max(40).optional(),
  periode: z.string().regex(/^\d{4}-[12]$/).optional(),
  dato: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  takstaar: z.coerce.number().int().min(2000).max(2100).optional(),
});

async function areaFor(db: Db, actor: Actor, code: string | undefined) {
  const areas = await db.selectFrom('agreement_area').select(['id', 'code', 'name']).orderBy('name').execute();
  const chosen = code ? areas.find((a) => a.code === code) : (areas.find((a) => actor.areaIds.includes(a.id)) ?? areas.find((a) => a.code === 'sjaelland') ?? areas[0]);
  if (!chosen) throw notFound('Rammeaftaleområdet findes ikke.');
  return { area: chosen, areas };
}

function query(req: FastifyRequest) {
  const q = ZQuery.safeParse(req.query);
  if (!q.success) throw notFound('Siden findes ikke: ugyldig periode eller dato.');
  return q.data;
}

const halfYear = (p: string) => {
  const [y, h] = p.split('-').map(Number) as [number, number];
  // `from` is the day before the period (the query's lower bound is exclusive), `start` its first day.
  return { from: h === 1 ? `${y - 1}-12-31` : `${y}-06-30`, start: h === 1 ? `${y}-01-01` : `${y}-07-01`, to: h === 1 ? `${y}-06-30` : `${y}-12-31`, label: `${h}. halvår ${y}` };
};

const currentHalf = () => {
  const t = todayDk();
  return `${t.slice(0, 4)}-${Number(t.slice(5, 7)) <= 6 ? 1 : 2}`;
};

function groupBy<T>(rows: T[], key: (r: T) => string): Array<[string, T[]]> {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return [...m.entries()];
}

const FlaggedTable = ({ rows, caption }: { rows: FlaggedRow[]; caption: string }) => (
  <div class="ramme-table-wrap" tabindex={0}>
    <table class="table table--compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Tilbud</th>
          <th scope="col">Takstår</th>
          <th scope="col" class="ramme-num">
            Sidste års takst
          </th>
          <th scope="col" class="ramme-num">
            Ny takst
          </th>
          <th scope="col" class="ramme-num">
            Nominel
          </th>
          <th scope="col" class="ramme-num">
            Real
          </th>
          <th scope="col">Driftsherrens forklaring</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>
              <a href={`/takster/${r.version_id}`}>{r.offering_name}</a>
              <br />
              <small>
                {r.offering_type_name}, {r.operator_name}
                {r.version > 1 ? `, version ${r.version}` : ''}
              </small>
            </td>
            <td>{r.year}</td>
            <td class="ramme-num">{dkKr(r.previous_average)}</td>
            <td class="ramme-num">
              {dkKr(r.average_tariff)} <small>pr. {unitLabel(r.unit)}</small>
            </td>
            <td class="ramme-num">{formatChange(r.nominal_change_pct)}</td>
            <td class="ramme-num">{formatChange(r.real_change_pct)}</td>
            <td>{r.explanation ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

const FiguresTable = ({ rows, year }: { rows: OrgFigures[]; year: number }) => (
  <div class="ramme-table-wrap" tabindex={0}>
    <table class="table table--zebra table--compact">
      <caption>Takster {year} pr. driftsherre: indsendt til tiden og stigninger over grænsen</caption>
      <thead>
        <tr>
          <th scope="col">Driftsherre</th>
          <th scope="col" class="ramme-num">
            Tilbud
          </th>
          <th scope="col" class="ramme-num">
            Indsendt
          </th>
          <th scope="col" class="ramme-num">
            Til tiden
          </th>
          <th scope="col" class="ramme-num">
            Stigninger over grænsen
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row" style="font-weight:normal">
              {r.name}
            </th>
            <td class="ramme-num">{r.offerings}</td>
            <td class="ramme-num">{r.submitted}</td>
            <td class="ramme-num">
              {r.on_time} ({r.offerings ? dkPct(((r.on_time * 100) / r.offerings).toFixed(0)) : '–'})
            </td>
            <td class="ramme-num">{r.flagged}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

export function watchPages(app: FastifyInstance, { db }: AppContext) {
  app.get('/takster/indberetning', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req.actor);
    const q = query(req);
    const { area, areas } = await areaFor(db, actor, q.area);
    const periode = q.periode ?? currentHalf();
    const p = halfYear(periode);
    const rows = await flaggedApprovedBetween(db, area.id, p.from, p.to);
    const rule = await requireRule(db, area.id, Number(periode.slice(0, 4)));
    const year = Number(periode.slice(0, 4));
    const periods = [year + 1, year, year - 1, year - 2].flatMap((y) => [`${y}-2`, `${y}-1`]);
    return reply.page({
      title: `Indberetning af takststigninger, ${p.label}`,
      breadcrumbs: [{ href: '/', label: 'Forside' }, { href: '/takster', label: 'Takster' }, { label: 'Indberetning til socialtilsynet' }],
      body: (
        <>
          <h1>Indberetning af takststigninger, {p.label}</h1>
          <p>
            {area.name}: døgn- og botilbud, hvis takst er steget mere end {dkPct(rule.increase_threshold_pct)} ({rule.increase_basis === 'real' ? 'realt, ud over P/L' : 'nominelt'}), godkendt af
            sekretariatet i perioden {formatDate(p.start)} til {formatDate(p.to)}. Grupperet
            pr. socialtilsyn og kommune med driftsherrens forklaring.
          </p>
          <form method="get" action="/takster/indberetning" aria-label="Vælg område og periode">
            <div class="ramme-filters">
              <Select name="area" label="Rammeaftale" value={area.code} options={areas.map((a) => ({ value: a.code, label: a.name }))} />
              <Select name="periode" label="Halvår" value={periode} options={periods.map((x) => ({ value: x, label: halfYear(x).label }))} />
            </div>
            <div class="ramme-actions">
              <button type="submit" class="button button-secondary">
                Vis indberetning
              </button>
              <a href={`/takster/indberetning/eksport.csv?area=${area.code}&periode=${periode}`}>Hent som CSV</a>
            </div>
          </form>
          {rows.length === 0 && <Alert kind="info">Ingen stigninger over grænsen er godkendt i perioden.</Alert>}
          {groupBy(rows, (r) => r.socialtilsyn_name).map(([tilsyn, list]) => (
            <section aria-labelledby={`tilsyn-${list[0]!.socialtilsyn_code}`}>
              <h2 id={`tilsyn-${list[0]!.socialtilsyn_code}`}>
                Til {tilsyn} ({list.length})
              </h2>
              {groupBy(list, (r) => r.municipality_name).map(([municipality, items]) => (
                <>
                  <h3>{municipality}</h3>
                  <FlaggedTable rows={items} caption={`Stigninger over grænsen i ${municipality}`} />
                </>
              ))}
            </section>
          ))}
        </>
      ),
    });
  });

  app.get('/takster/indberetning/eksport.csv', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req.actor);
    const q = query(req);
    const { area } = await areaFor(db, actor, q.area);
    const periode = q.periode ?? currentHalf();
    const p = halfYear(periode);
    const rows = await flaggedApprovedBetween(db, area.id, p.from, p.to);
    const comma = (v: string | null) => (v === null ? '' : v.replace('.', ','));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="takststigninger-${area.code}-${periode}.csv"`)
      .send(
        toCsv(
          ['Socialtilsyn', 'Kommune', 'Tilbud', 'Tilbuds-id', 'Driftsherre', 'Takstår', 'Version', 'Enhed', 'Sidste års takst', 'Ny takst', 'Nominel ændring %', 'Real ændring %', 'P/L %', 'Forklaring', 'Godkendt'],
          rows.map((r) => [
            r.socialtilsyn_name, r.municipality_name, r.offering_name, r.offering_id, r.operator_name, r.year, r.version, unitLabel(r.unit), comma(r.previous_average), comma(r.average_tariff),
            comma(r.nominal_change_pct), comma(r.real_change_pct), comma(r.pl_pct), r.explanation, new Date(r.approved_at).toISOString().slice(0, 10),
          ]),
        ),
      );
  });

  app.get('/takster/styregruppe', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req.actor);
    const q = query(req);
    const { area, areas } = await areaFor(db, actor, q.area);
    const today = todayDk();
    const thisYear = Number(today.slice(0, 4));
    const rule = await requireRule(db, area.id, thisYear);
    const dates = [thisYear - 2, thisYear - 1, thisYear, thisYear + 1].flatMap((y) => reviewDatesIn(rule, y));
    const date = q.dato ?? dates.find((d) => d >= today) ?? dates[dates.length - 1]!;
    const previous = [...dates].reverse().find((d) => d < date) ?? `${Number(date.slice(0, 4)) - 1}-${date.slice(5)}`;
    const tariffYear = q.takstaar ?? Number(date.slice(0, 4)) + (Number(date.slice(5, 7)) >= 7 ? 1 : 0);
    const [rows, figures] = await Promise.all([flaggedApprovedBetween(db, area.id, previous, date), figuresByOperator(db, area.id, tariffYear)]);
    return reply.page({
      title: `Styregruppens gennemgang ${formatDate(date)}`,
      breadcrumbs: [{ href: '/', label: 'Forside' }, { href: '/takster', label: 'Takster' }, { label: 'Styregruppens gennemgang' }],
      body: (
        <>
          <h1>Styregruppens gennemgang af takststigninger, {formatDate(date)}</h1>
          <p>
            {area.name}. Stigninger over {dkPct(rule.increase_threshold_pct)} i døgn- og botilbud, godkendt efter forrige gennemgang ({formatDate(previous)}) og til og med {formatDate(date)}. Styregruppen
            drøfter indberetningerne to gange om året.
          </p>
          <form method="get" action="/takster/styregruppe" aria-label="Vælg område og møde">
            <div class="ramme-filters">
              <Select name="area" label="Rammeaftale" value={area.code} options={areas.map((a) => ({ value: a.code, label: a.name }))} />
              <Select name="dato" label="Møde" value={date} options={[...dates].reverse().map((d) => ({ value: d, label: formatDate(d) }))} />
            </div>
            <div class="ramme-actions">
              <button type="submit" class="button button-secondary">
                Vis gennemgang
              </button>
            </div>
          </form>
          <h2>Stigninger til drøftelse ({rows.length})</h2>
          {rows.length === 0 ? <p>Ingen stigninger over grænsen i perioden.</p> : <FlaggedTable rows={rows} caption="Stigninger over grænsen til styregruppens drøftelse" />}
          <h2>Kommunernes takster {tariffYear}</h2>
          <p>Antal tilbud, takster indsendt, indsendt inden fristen og stigninger over grænsen pr. driftsherre. Tallene bruges også som indikatorer i rammeaftalen.</p>
          <FiguresTable rows={figures} year={tariffYear} />
        </>
      ),
    });
  });
}
