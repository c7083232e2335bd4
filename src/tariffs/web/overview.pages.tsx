/**
 * @module The tariff overview (takstoversigt) for an agreement area and year, grouped by municipality: public
 * once published; the secretariat also sees a preview with approved tariffs and publishes them. Exports as
 * Excel (overview + calculation basis) and CSV.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../core/capability.js';
import { HttpError, forbidden, notFound } from '../../core/errors.js';
import { Alert, CsrfField, DescriptionList, formatDate, formatDateTime } from '../../core/web/components.js';
import { overviewCsv, overviewXlsx } from '../overview.export.js';
import { inputsOf, offeringsInRoundState, parseLevels, ROUND_STATES, roundStatus, type OverviewRow, type RoundState } from '../overview.repository.js';
import { loadOverview } from '../overview.service.js';
import { publishOverview } from '../publish.service.js';
import { deadlineFor, findRule } from '../rules.repository.js';
import { todayDk } from '../tariffs.service.js';
import { STATUS_LABELS, type TariffStatus } from '../tariffs.table.js';
import { ChangeText, dkKr, dkPct, unitLabel, WRAP_ANYWHERE } from './parts.js';

const ZAreaYear = z.object({ area: z.string().min(1).max(40), year: z.coerce.number().int().min(2000).max(2100) });
const areaYearFrom = (params: unknown) => {
  const p = ZAreaYear.safeParse(params);
  if (!p.success) throw notFound('Siden findes ikke.');
  return p.data;
};

function groupByMunicipality(rows: OverviewRow[]): Array<[string, OverviewRow[]]> {
  const groups = new Map<string, OverviewRow[]>();
  for (const r of rows) groups.set(r.municipality_name, [...(groups.get(r.municipality_name) ?? []), r]);
  return [...groups.entries()];
}

const stateLabel = (k: RoundState) => (k === 'mangler' ? 'Ikke påbegyndt' : STATUS_LABELS[k as TariffStatus]);

const Flags = ({ r }: { r: OverviewRow }) => {
  const flags = [
    r.is_flagged ? 'Stigning over grænsen' : null,
    r.version > 1 ? `Rettet (version ${r.version})` : null,
    r.warning_count ? `${r.warning_count} ${r.warning_count === 1 ? 'advarsel' : 'advarsler'}` : null,
    r.status === 'godkendt' ? 'Godkendt, ikke offentliggjort' : null,
  ].filter(Boolean);
  return flags.length ? <>{flags.join('; ')}</> : <span class="sr-only">Ingen</span>;
};

const MunicipalityTable = ({ name, rows }: { name: string; rows: OverviewRow[] }) => (
  <section aria-labelledby={`kommune-${rows[0]!.municipality_code}`}>
    <h2 id={`kommune-${rows[0]!.municipality_code}`}>{name}</h2>
    <div class="ramme-table-wrap" tabindex={0}>
      <table class="table table--zebra table--compact">
        <caption class="sr-only">Takster for tilbud i {name}</caption>
        <thead>
          <tr>
            <th scope="col">Tilbud</th>
            <th scope="col" class="ramme-num">
              Takst pr. niveau
            </th>
            <th scope="col">Enhed</th>
            <th scope="col">Lovgrundlag</th>
            <th scope="col">Målgruppe</th>
            <th scope="col" class="ramme-num">
              Belægning
            </th>
            <th scope="col" class="ramme-num">
              Nominel ændring
            </th>
            <th scope="col" class="ramme-num">
              Real ændring
            </th>
            <th scope="col">Markeringer</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const levels = parseLevels(r.levels);
            return (
              <tr>
                {/* Price right after the name, and the name wraps: on a narrow screen both stay in view; the rest scrolls. */}
                <td style={`min-width:8rem;${WRAP_ANYWHERE}`}>
                  <a href={`/takster/${r.version_id}`}>{r.offering_name}</a>
                  <br />
                  <small>
                    {r.operator_name} ({r.operator_type.toLowerCase()})
                  </small>
                </td>
                <td class="ramme-num">
                  {levels.length === 1
                    ? dkKr(levels[0]!.tariff)
                    : levels.map((l) => (
                        <>
                          {l.name}: {dkKr(l.tariff)}
                          <br />
                        </>
                      ))}
                </td>
                <td>{unitLabel(r.unit)}</td>
                <td>{r.legal_basis}</td>
                <td>{r.target_groups}</td>
                <td class="ramme-num">{dkPct(r.occupancy_pct_used)}</td>
                <td class="ramme-num">
                  <ChangeText pct={r.nominal_change_pct} />
                </td>
                <td class="ramme-num">
                  <ChangeText pct={r.real_change_pct} />
                </td>
                <td>
                  <Flags r={r} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  </section>
);

export function overviewPages(app: FastifyInstance, { db }: AppContext) {
  const render = async (req: FastifyRequest, reply: FastifyReply, extra: { message?: string; status?: number } = {}) => {
    const { area, year } = areaYearFrom(req.params);
    const preview = (req.query as Record<string, string>).forhaandsvisning === '1';
    const o = await loadOverview(db, req.actor, area, year, { preview });
    const status = o.isReviewer ? await roundStatus(db, o.area.id, year) : null;
    const base = `/takster/oversigt/${o.area.code}/${year}`;
    const flagged = o.rows.filter((r) => r.is_flagged).length;
    const title = `Takstoversigt ${year} – ${o.area.name}`;
    return reply.page({
      title,
      status: extra.status,
      breadcrumbs: [{ href: '/', label: 'Forside' }, { href: '/takster', label: 'Takster' }, { label: `Takstoversigt ${year}, ${o.area.name}` }],
      body: (
        <>
          {(req.query as Record<string, string>).offentliggjort && <Alert kind="success">{`${(req.query as Record<string, string>).offentliggjort} takster er offentliggjort.`}</Alert>}
          {extra.message && <Alert kind="error">{extra.message}</Alert>}
          <h1>{title}</h1>
          {o.publications.length ? (
            <p>
              Offentliggjort {formatDateTime(o.publications[o.publications.length - 1]!.published_at)}
              {o.publications.length > 1 ? `; senest opdateret ${formatDateTime(o.publications[0]!.published_at)}` : ''}. Betaling afregnes alene efter denne oversigt. Hver takst kan åbnes og
              viser hele beregningen.
            </p>
          ) : (
            <Alert kind="info">Oversigten er ikke offentliggjort endnu. Kun sekretariatet kan se den.</Alert>
          )}
          {o.isPreview && <Alert kind="warning">Forhåndsvisning: godkendte takster, der endnu ikke er offentliggjort, vises i stedet for de offentliggjorte.</Alert>}
          <p>
            {o.rows.length} tilbud. {flagged} med en stigning over aftalens grænse.
          </p>
          <div class="ramme-actions">
            <a href={`${base}/eksport.xlsx`}>Hent som Excel (oversigt og beregninger)</a>
            <a href={`${base}/eksport.csv`}>Hent som CSV</a>
            <a href={`/api/tariffs/overview/${o.area.code}/${year}`}>Se som JSON</a>
          </div>
          {o.isReviewer && status && (
            <section aria-labelledby="runde">
              <h2 id="runde">Takstrunden {year}</h2>
              <ul class="inline-list">
                {ROUND_STATES.map((k) => (
                  <li>
                    <a href={`${base}/status/${k}`}>
                      {stateLabel(k)}: {status[k] ?? 0}
                    </a>
                  </li>
                ))}
              </ul>
              <div class="ramme-actions">
                {o.isPreview ? <a href={base}>Vis den offentliggjorte oversigt</a> : <a href={`${base}?forhaandsvisning=1`}>Forhåndsvis med godkendte takster</a>}
                {(status.godkendt ?? 0) > 0 && (
                  // Leads to a confirmation page with the round's status; nothing is published from here.
                  <form method="get" action={`${base}/offentliggoer`}>
                    <button type="submit" class="button button-primary">
                      Offentliggør {status.godkendt} godkendte takster
                    </button>
                  </form>
                )}
              </div>
            </section>
          )}
          {groupByMunicipality(o.rows).map(([name, rows]) => (
            <MunicipalityTable name={name} rows={rows} />
          ))}
        </>
      ),
    });
  };

  app.get('/takster/oversigt/:area/:year', { schema: { hide: true } }, async (req, reply) => render(req, reply));

  /** The confirmation step before publishing: what will be published, what is still outstanding, and the deadline. */
  const renderConfirm = async (req: FastifyRequest, reply: FastifyReply, extra: { message?: string; status?: number } = {}) => {
    const { area, year } = areaYearFrom(req.params);
    const o = await loadOverview(db, req.actor, area, year);
    if (!o.isReviewer) throw forbidden('Kun rammeaftalens sekretariat kan offentliggøre takstoversigten.');
    const status = await roundStatus(db, o.area.id, year);
    const rule = await findRule(db, o.area.id, year);
    const deadline = rule ? deadlineFor(rule, year) : null;
    const isPastDeadline = !!deadline && todayDk() > deadline;
    const n = (k: string) => status[k] ?? 0;
    const outstanding = n('indsendt') + n('returneret') + n('kladde') + n('mangler');
    const base = `/takster/oversigt/${o.area.code}/${year}`;
    const title = `Offentliggør takstoversigten ${year} – ${o.area.name}`;
    return reply.page({
      title,
      status: extra.status,
      breadcrumbs: [
        { href: '/', label: 'Forside' },
        { href: '/takster', label: 'Takster' },
        { href: `${base}?forhaandsvisning=1`, label: `Takstoversigt ${year}, ${o.area.name}` },
        { label: 'Offentliggør' },
      ],
      body: (
        <>
          {extra.message && <Alert kind="error">{extra.message}</Alert>}
          <h1>{title}</h1>
          <p>Kontrollér takstrunden, før du offentliggør. Kun godkendte takster offentliggøres; de øvrige kan offentliggøres senere som en opdatering af oversigten.</p>
          <DescriptionList
            items={[
              ['Godkendt (offentliggøres nu)', String(n('godkendt'))],
              ['Indsendt, ikke behandlet', String(n('indsendt'))],
              ['Sendt retur', String(n('returneret'))],
              ['Kladde', String(n('kladde'))],
              ['Ikke påbegyndt', String(n('mangler'))],
              ['Frist for indsendelse', deadline ? `${formatDate(deadline)} (${isPastDeadline ? 'fristen er overskredet' : 'fristen er ikke overskredet endnu'})` : 'Ingen frist fastsat'],
            ]}
          />
          {(!isPastDeadline || outstanding > 0) && (
            <Alert kind="warning" heading="Runden er ikke afsluttet">
              <p>
                {!isPastDeadline && deadline ? `Fristen for indsendelse er ${formatDate(deadline)}. ` : ''}
                {outstanding > 0 ? `${outstanding} tilbud har endnu ikke en godkendt takst og kommer ikke med nu.` : ''}
              </p>
            </Alert>
          )}
          {n('godkendt') > 0 ? (
            <form method="post" action={`${base}/offentliggoer`}>
              <CsrfField token={req.csrf} />
              <input type="hidden" name="bekraeft" value="ja" />
              <div class="ramme-actions">
                <button type="submit" class="button button-primary">
                  Bekræft: offentliggør {n('godkendt')} godkendte takster
                </button>
                <a href={`${base}?forhaandsvisning=1`}>Annullér</a>
              </div>
            </form>
          ) : (
            <p>
              Der er ingen godkendte takster at offentliggøre. <a href={`${base}?forhaandsvisning=1`}>Tilbage til oversigten</a>
            </p>
          )}
        </>
      ),
    });
  };

  // The offerings behind one count of the round, so the secretariat can see whom to chase.
  app.get('/takster/oversigt/:area/:year/status/:state', { schema: { hide: true } }, async (req, reply) => {
    const { area, year } = areaYearFrom(req.params);
    const state = z.enum(ROUND_STATES).safeParse((req.params as { state?: string }).state);
    if (!state.success) throw notFound('Siden findes ikke.');
    const o = await loadOverview(db, req.actor, area, year);
    if (!o.isReviewer) throw forbidden('Kun rammeaftalens sekretariat kan se takstrundens status.');
    const rows = await offeringsInRoundState(db, o.area.id, year, state.data);
    const base = `/takster/oversigt/${o.area.code}/${year}`;
    const title = `Takstrunden ${year}: ${stateLabel(state.data).toLowerCase()} (${rows.length})`;
    return reply.page({
      title,
      breadcrumbs: [
        { href: '/', label: 'Forside' },
        { href: '/takster', label: 'Takster' },
        { href: `${base}?forhaandsvisning=1`, label: `Takstoversigt ${year}, ${o.area.name}` },
        { label: stateLabel(state.data) },
      ],
      body: (
        <>
          <h1>{title}</h1>
          <p>
            {o.area.name}. Tilbud, hvis seneste takst for {year} har status »{stateLabel(state.data).toLowerCase()}«.{' '}
            {ROUND_STATES.filter((k) => k !== state.data).map((k, i) => (
              <>
                {i > 0 ? ' · ' : 'Se også: '}
                <a href={`${base}/status/${k}`}>{stateLabel(k)}</a>
              </>
            ))}
          </p>
          {rows.length === 0 ? (
            <p>Ingen tilbud.</p>
          ) : (
            <div class="ramme-table-wrap" tabindex={0}>
              <table class="table table--zebra table--compact">
                <caption>
                  Tilbud med status {stateLabel(state.data).toLowerCase()}, {year}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Tilbud</th>
                    <th scope="col">Driftsherre</th>
                    <th scope="col">Kommune</th>
                    <th scope="col">Takst</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr>
                      <td>
                        <a href={`/takster/tilbud/${r.offering_id}`}>{r.offering_name}</a>
                      </td>
                      <td>{r.operator_name}</td>
                      <td>{r.municipality_name}</td>
                      <td>{r.version_id ? <a href={`/takster/${r.version_id}`}>Åbn takst {year}<span class="sr-only"> for {r.offering_name}</span></a> : 'Ingen'}</td>
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

  app.get('/takster/oversigt/:area/:year/offentliggoer', { schema: { hide: true } }, async (req, reply) => renderConfirm(req, reply));

  app.post('/takster/oversigt/:area/:year/offentliggoer', { schema: { hide: true } }, async (req, reply) => {
    const { area, year } = areaYearFrom(req.params);
    // Publishing happens only from the confirmation page; an unconfirmed post shows it (after its access check).
    if ((req.body as Record<string, string> | undefined)?.bekraeft !== 'ja') return renderConfirm(req, reply);
    try {
      const { count } = await publishOverview(db, req.actor, { area, year });
      return reply.redirect(`/takster/oversigt/${area}/${year}?offentliggjort=${count}`, 303);
    } catch (error) {
      if (error instanceof HttpError && (error.statusCode === 400 || error.statusCode === 409)) return renderConfirm(req, reply, { message: error.message, status: error.statusCode });
      throw error;
    }
  });

  const stamp = (area: string, year: number) => `takstoversigt-${area}-${year}`;

  app.get('/takster/oversigt/:area/:year/eksport.csv', { schema: { summary: 'Takstoversigten som CSV (semikolon, UTF-8)', tags: ['Takster'], security: [] } }, async (req, reply) => {
    const { area, year } = areaYearFrom(req.params);
    const o = await loadOverview(db, req.actor, area, year);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${stamp(o.area.code, year)}.csv"`).send(overviewCsv(o.rows));
  });

  app.get('/takster/oversigt/:area/:year/eksport.xlsx', { schema: { summary: 'Takstoversigten som Excel: oversigten og hvert tilbuds beregning på hvert sit ark', tags: ['Takster'], security: [] } }, async (req, reply) => {
    const { area, year } = areaYearFrom(req.params);
    const o = await loadOverview(db, req.actor, area, year);
    const xlsx = await overviewXlsx(o.rows, await inputsOf(db, o.rows.map((r) => r.version_id)));
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${stamp(o.area.code, year)}.xlsx"`)
      .send(xlsx);
  });
}
