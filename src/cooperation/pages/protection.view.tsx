/**
 * @module Pages of the protected offerings' watch: the list per area with the triggers that fire today, one
 * offering's watch page (occupancy chart with the table beside it, each month opening to its contracts; waiting;
 * tariffs with the result carried into them; notices; dialogue cases; the triggers with the secretariat's "open a
 * dialogue case"), and the area's trigger rules with the new-rule and edit forms. No JavaScript: every action is a form.
 */
import { raw } from 'hono/html';
import { linesSvg } from '../../analysis/analysis.public.js';
import type { FieldErrors } from '../../core/errors.js';
import { formatDate, formatDateTime, formatForInput, formatMoney, formatNumber, formatPercent } from '../../core/format.js';
import { Alert, CsrfField, ErrorSummary, Field, Select, TextArea } from '../../core/web/components.js';
import { PROTECTION_LABELS, type Protection } from '../../offerings/offerings.public.js';
import { TARIFF_STATUS_LABELS, TARIFF_UNIT_LABELS } from '../../tariffs/tariffs.public.js';
import type { listProtected, rulesPage, TriggerRow, WatchView } from '../protection.service.js';
import { DIALOGUE_STATUS_LABELS, NOTICE_KIND_LABELS, NOTICE_KINDS, TRIGGER_KIND_LABELS, TRIGGER_KINDS } from '../protection.table.js';
import { one, type FormValues } from './http.js';

export const base = '/samarbejde/beskyttede-tilbud';
type FormProps = { csrf: string; values?: FormValues; errors?: FieldErrors };
const fieldValue = (p: FormProps, n: string, fallback = '') => (p.values ? one(p.values[n]) : fallback);
const protectionLabel = (p: string) => PROTECTION_LABELS[p as Protection] ?? p;
const statusLabel = (s: string) => TARIFF_STATUS_LABELS[s as keyof typeof TARIFF_STATUS_LABELS] ?? s;
const unitLabel = (u: string) => TARIFF_UNIT_LABELS[u as keyof typeof TARIFF_UNIT_LABELS] ?? u;

const LABELS: Record<string, string> = {
  areaCode: 'Rammeaftaleområde',
  kind: 'Slags',
  sharePct: 'Andel i procent',
  months: 'Måneder i træk',
  amount: 'Beløb i kroner',
  deadlineDays: 'Svarfrist i dage',
  note: 'Bemærkning',
  validFrom: 'Gælder fra',
  validTo: 'Gælder til',
  placesAfter: 'Pladser efter ændringen',
  givenOn: 'Varslet den',
  effectiveOn: 'Gælder fra',
  text: 'Varslets indhold',
  triggerId: 'Udløser',
  version: 'Version',
};

/** A rule in words: "under 85,0 % i 3 måneder i træk", "over 1.000.000,00 kr.", "varsel". */
export function ruleText(r: Pick<TriggerRow, 'kind' | 'share_pct' | 'months' | 'amount'>): string {
  if (r.kind === 'belaegning') return `Belægning under ${formatPercent(r.share_pct)} i ${r.months} måneder i træk`;
  if (r.kind === 'underskud') return `Underskud i takstgrundlaget over ${formatMoney(r.amount)}`;
  return 'Sælgers varsel om lukning eller færre pladser';
}

export const ProtectedListPage = (p: Awaited<ReturnType<typeof listProtected>>) => (
  <>
    <h1>Beskyttede tilbud{p.area ? ` i ${p.area.name}` : ''}</h1>
    <p>
      De mest specialiserede tilbud og tilbuddene i det forstærkede samarbejde følges tæt: belægning, økonomi, venteliste og varsler. Når en udløser er opfyldt,
      åbner sekretariatet en obligatorisk dialogsag med områdets kommuner.
    </p>
    <form method="get" action={base} class="ramme-filters">
      <Select
        name="area"
        label="Rammeaftaleområde"
        value={p.area?.code ?? ''}
        emptyLabel="Alle områder"
        options={p.areas.map((a) => ({ value: a.code, label: a.name }))}
      />
      <div class="form-group">
        <button class="button button-secondary" type="submit">
          Vis
        </button>
      </div>
    </form>
    <p>
      <a href={`${base}/regler${p.area ? `?area=${p.area.code}` : ''}`}>Udløsere og forløb{p.canEditRules ? ' (ret dem)' : ''}</a> ·{' '}
      <a href={`/samarbejde/dialogsager${p.area ? `?area=${p.area.code}` : ''}`}>Dialogsager</a>
    </p>
    {p.offerings.length === 0 ? (
      <p>Der er ingen beskyttede tilbud i området.</p>
    ) : (
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--zebra table--compact">
          <caption>Beskyttede tilbud og udløsere i dag</caption>
          <thead>
            <tr>
              <th scope="col">Tilbud</th>
              <th scope="col">Beskyttelse</th>
              <th scope="col" class="ramme-num">
                Pladser
              </th>
              <th scope="col" class="ramme-num">
                Belægning
              </th>
              <th scope="col" class="ramme-num">
                Venteliste
              </th>
              <th scope="col">Udløsere opfyldt i dag</th>
              <th scope="col" class="ramme-num">
                Åbne dialogsager
              </th>
            </tr>
          </thead>
          <tbody>
            {p.offerings.map((f) => (
              <tr>
                <td>
                  <a href={`${base}/${f.offering.id}`}>{f.offering.name}</a>
                  <br />
                  <span class="form-hint">
                    {f.offering.operator_name} · {f.offering.municipality_name}
                    {f.area ? ` · ${f.area.name}` : ''}
                  </span>
                </td>
                <td>{protectionLabel(f.offering.protection)}</td>
                <td class="ramme-num">{formatNumber(f.offering.places)}</td>
                <td class="ramme-num">
                  <a href={`${base}/${f.offering.id}#belaegning`}>{formatPercent(f.occupancy.at(-1)?.pct ?? null)}</a>
                </td>
                <td class="ramme-num">{f.vacancy?.waitingCount === null || !f.vacancy ? '–' : formatNumber(f.vacancy.waitingCount)}</td>
                <td>{f.firing.length === 0 ? 'Ingen' : f.firing.map((x) => <p class="ramme-compact">{x.reason}</p>)}</td>
                <td class="ramme-num">{formatNumber(f.openCases)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
  </>
);

const OccupancyChart = ({ v }: { v: WatchView }) => {
  const share = v.rules.find((r) => r.kind === 'belaegning')?.share_pct ?? null;
  const svg = linesSvg({
    label: `Kurve: belægningen den 1. i hver måned fra ${formatDate(v.occupancy[0]?.date)} til ${formatDate(v.occupancy.at(-1)?.date)}. Tallene står i tabellen ved siden af.`,
    years: v.occupancy.map((m) => m.date.slice(0, 7)),
    lines: [
      { name: 'Belægning (%)', values: v.occupancy.map((m) => (m.pct === null ? null : Number(m.pct))) },
      ...(share !== null ? [{ name: 'Udløserens grænse (%)', values: v.occupancy.map(() => Number(share)), isDashed: true }] : []),
    ],
  });
  return (
    <div class="row">
      <figure class="col-12 col-lg-7" aria-labelledby="belaegning-caption">
        <figcaption id="belaegning-caption">
          <strong>Belægning:</strong> løbende kontrakter den 1. i måneden i procent af pladserne
        </figcaption>
        {raw(svg)}
      </figure>
      <div class="col-12 col-lg-5">
        <table class="table table--compact">
          <caption>Belægning pr. måned</caption>
          <thead>
            <tr>
              <th scope="col">Den 1.</th>
              <th scope="col" class="ramme-num">
                Kontrakter
              </th>
              <th scope="col" class="ramme-num">
                Pladser
              </th>
              <th scope="col" class="ramme-num">
                Belægning
              </th>
            </tr>
          </thead>
          <tbody>
            {v.occupancy.map((m) => (
              <tr>
                <td>{formatDate(m.date)}</td>
                <td class="ramme-num">
                  <a href={`${base}/${v.offering.id}?maaned=${m.date}#raekker`} aria-label={`${m.occupied} kontrakter den ${formatDate(m.date)}: se dem`}>
                    {formatNumber(m.occupied)}
                  </a>
                </td>
                <td class="ramme-num">{formatNumber(m.places)}</td>
                <td class="ramme-num">{formatPercent(m.pct)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
};

const MonthRows = ({ v }: { v: WatchView }) =>
  v.month ? (
    <section id="raekker">
      <h3>Kontrakter den {formatDate(v.month.date)}</h3>
      {v.monthRows.length === 0 ? (
        <p>Ingen løbende kontrakter den dag.</p>
      ) : (
        <div class="ramme-table-wrap" tabindex={0}>
          <table class="table table--zebra table--compact">
            <caption>Løbende kontrakter bag tallet (uden sagsoplysninger)</caption>
            <thead>
              <tr>
                <th scope="col">Kontrakt</th>
                <th scope="col">Køber</th>
                <th scope="col">Start</th>
                <th scope="col">Slut</th>
              </tr>
            </thead>
            <tbody>
              {v.monthRows.map((c) => (
                <tr>
                  <td>{c.contractId}</td>
                  <td>{c.buyerName}</td>
                  <td>{formatDate(c.startDate)}</td>
                  <td>{c.endDate ? formatDate(c.endDate) : 'Løbende'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  ) : null;

const Triggers = ({ v, csrf }: { v: WatchView; csrf: string }) => (
  <section>
    <h2>Udløsere i {v.area?.name ?? 'området'} i dag</h2>
    {v.rules.length === 0 ? (
      <p>Området har ingen udløsere i dag.</p>
    ) : (
      <ul class="ramme-plain-list">
        {v.rules.map((r) => {
          const firing = v.firing.find((x) => x.ruleId === r.id);
          const isOpen = v.openTriggerIds.includes(r.id);
          return (
            <li>
              <strong>{ruleText(r)}</strong>: {firing ? <span>opfyldt. {firing.reason}</span> : 'ikke opfyldt.'}
              {firing && isOpen && <span> Der er en åben dialogsag.</span>}
              {firing && !isOpen && v.canEdit && (
                <form method="post" action={`${base}/${v.offering.id}/dialogsag`}>
                  <CsrfField token={csrf} />
                  <input type="hidden" name="triggerId" value={String(r.id)} />
                  <button class="button button-primary" type="submit">
                    Åbn dialogsag ({r.deadline_days} dages svarfrist)
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
    )}
  </section>
);

const NoticeForm = (p: { v: WatchView } & FormProps) => (
  <form method="post" action={`${base}/${p.v.offering.id}/varsel`} novalidate>
    <CsrfField token={p.csrf} />
    <h3>Registrér et varsel fra sælger</h3>
    <Select
      name="kind"
      label="Slags"
      value={fieldValue(p, 'kind', 'lukning')}
      errors={p.errors}
      required
      options={NOTICE_KINDS.map((k) => ({ value: k, label: NOTICE_KIND_LABELS[k] }))}
    />
    <Field
      name="placesAfter"
      label="Pladser efter ændringen"
      hint="Kun ved færre pladser."
      type="number"
      min={0}
      value={fieldValue(p, 'placesAfter')}
      errors={p.errors}
    />
    <Field name="givenOn" label="Varslet den" type="date" value={fieldValue(p, 'givenOn', p.v.today)} errors={p.errors} required />
    <Field name="effectiveOn" label="Gælder fra" type="date" value={fieldValue(p, 'effectiveOn')} errors={p.errors} required />
    <TextArea name="text" label="Varslets indhold" rows={3} value={fieldValue(p, 'text')} errors={p.errors} required maxlength={4000} />
    <button class="button button-secondary" type="submit">
      Registrér varslet
    </button>
  </form>
);

export const WatchPage = (p: { v: WatchView; saved?: string } & FormProps) => {
  const { v } = p;
  const o = v.offering;
  return (
    <>
      <h1>{o.name}</h1>
      {p.saved && <Alert kind="success" heading={p.saved === 'varsel' ? 'Varslet er registreret.' : 'Gemt.'} />}
      <ErrorSummary errors={p.errors} labels={LABELS} />
      <dl class="ramme-dl">
        <dt>Beskyttelse</dt>
        <dd>{protectionLabel(o.protection)}</dd>
        <dt>Område</dt>
        <dd>{v.area?.name ?? '–'}</dd>
        <dt>Driftsherre</dt>
        <dd>{o.operator_name}</dd>
        <dt>Beliggenhed</dt>
        <dd>{o.municipality_name}</dd>
        <dt>Pladser</dt>
        <dd>{formatNumber(o.places)}</dd>
        <dt>I registret</dt>
        <dd>
          <a href={`/tilbud/${o.id}`}>Tilbuddets side</a>
        </dd>
      </dl>
      <Triggers v={v} csrf={p.csrf} />
      <section id="belaegning">
        <h2>Belægning de seneste 12 måneder</h2>
        <p>Tallet er de løbende kontrakter den 1. i måneden; pladser, som driftsherren har meldt optaget uden for Ramme, tæller ikke med.</p>
        <OccupancyChart v={v} />
        <MonthRows v={v} />
      </section>
      <section>
        <h2>Venteliste og ledige pladser</h2>
        {v.vacancy?.reportConfirmedAt ? (
          <dl class="ramme-dl">
            <dt>Venteliste</dt>
            <dd>{v.vacancy.waitingCount === null ? '–' : formatNumber(v.vacancy.waitingCount)}</dd>
            <dt>Ledige pladser (meldt)</dt>
            <dd>{v.vacancy.freeReported === null ? '–' : formatNumber(v.vacancy.freeReported)}</dd>
            <dt>Optaget uden for Ramme</dt>
            <dd>{v.vacancy.takenOutside === null ? '–' : formatNumber(v.vacancy.takenOutside)}</dd>
            <dt>Meldt</dt>
            <dd>{formatDateTime(v.vacancy.reportConfirmedAt)}</dd>
          </dl>
        ) : (
          <p>Driftsherren har ikke meldt ledige pladser og venteliste.</p>
        )}
      </section>
      <section>
        <h2>Takster og underskud i takstgrundlaget</h2>
        <p>Resultatet er det, driftsherren har efterreguleret i takstberegningen (+ overskud, − underskud); kun offentliggjorte takster tæller i udløserne.</p>
        {v.regulations.length === 0 ? (
          <p>Der er ingen takster for tilbuddet de seneste år.</p>
        ) : (
          <div class="ramme-table-wrap" tabindex={0}>
            <table class="table table--zebra table--compact">
              <caption>Takst og efterregulering pr. takstår</caption>
              <thead>
                <tr>
                  <th scope="col">Takstår</th>
                  <th scope="col">Status</th>
                  <th scope="col" class="ramme-num">
                    Gennemsnitstakst
                  </th>
                  <th scope="col">Regnskabsår</th>
                  <th scope="col" class="ramme-num">
                    Resultat
                  </th>
                  <th scope="col" class="ramme-num">
                    Beholdt af driftsherren
                  </th>
                </tr>
              </thead>
              <tbody>
                {v.regulations.map((r) => (
                  <tr>
                    <td>{r.tariffYear}</td>
                    <td>{statusLabel(r.status)}</td>
                    <td class="ramme-num">
                      {formatMoney(r.averageTariff)} pr. {unitLabel(r.unit)}
                    </td>
                    <td>{r.accountsYear ?? '–'}</td>
                    <td class="ramme-num">{formatMoney(r.result)}</td>
                    <td class="ramme-num">{formatMoney(r.retained)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section>
        <h2>Varsler fra sælger</h2>
        {v.notices.length === 0 ? (
          <p>Der er ingen varsler.</p>
        ) : (
          <div class="ramme-table-wrap" tabindex={0}>
            <table class="table table--zebra table--compact">
              <caption>Varsler om lukning og færre pladser</caption>
              <thead>
                <tr>
                  <th scope="col">Varslet</th>
                  <th scope="col">Slags</th>
                  <th scope="col">Gælder fra</th>
                  <th scope="col">Indhold</th>
                </tr>
              </thead>
              <tbody>
                {v.notices.map((n) => (
                  <tr>
                    <td>{formatDate(n.given_on)}</td>
                    <td>
                      {NOTICE_KIND_LABELS[n.kind]}
                      {n.places_after !== null ? ` (${n.places_after} pladser)` : ''}
                    </td>
                    <td>{formatDate(n.effective_on)}</td>
                    <td>{n.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {v.canEdit && <NoticeForm {...p} />}
      </section>
      <section>
        <h2>Dialogsager</h2>
        {v.cases.length === 0 ? (
          <p>Der er ingen dialogsager om tilbuddet.</p>
        ) : (
          <ul>
            {v.cases.map((c) => (
              <li>
                <a href={`/samarbejde/dialogsager/${c.id}`}>
                  {c.procedure_name}, åbnet {formatDate(c.created_on)}
                </a>{' '}
                ({DIALOGUE_STATUS_LABELS[c.status]}; svarfrist {formatDate(c.deadline)})
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
};

const RuleFields = (p: FormProps & { rule?: TriggerRow }) => (
  <>
    <Select
      name="kind"
      label="Slags"
      value={fieldValue(p, 'kind', p.rule?.kind ?? 'belaegning')}
      errors={p.errors}
      required
      options={TRIGGER_KINDS.map((k) => ({ value: k, label: TRIGGER_KIND_LABELS[k] }))}
    />
    <Field
      name="sharePct"
      label="Andel i procent"
      hint="Ved belægning: udløser, når belægningen er under andelen."
      value={fieldValue(p, 'sharePct', formatForInput(p.rule?.share_pct ?? null))}
      errors={p.errors}
      inputmode="decimal"
    />
    <Field
      name="months"
      label="Måneder i træk"
      hint="Ved belægning."
      type="number"
      min={1}
      max={36}
      value={fieldValue(p, 'months', p.rule?.months ? String(p.rule.months) : '')}
      errors={p.errors}
    />
    <Field
      name="amount"
      label="Beløb i kroner"
      hint="Ved underskud: udløser, når underskuddet er større end beløbet."
      value={fieldValue(p, 'amount', formatForInput(p.rule?.amount ?? null))}
      errors={p.errors}
      inputmode="decimal"
    />
    <Field
      name="deadlineDays"
      label="Svarfrist i dage"
      hint="Fra dialogsagen åbnes, til kommunerne skal have svaret."
      type="number"
      min={1}
      max={365}
      value={fieldValue(p, 'deadlineDays', p.rule ? String(p.rule.deadline_days) : '30')}
      errors={p.errors}
      required
    />
    <TextArea name="note" label="Bemærkning" rows={2} value={fieldValue(p, 'note', p.rule?.note ?? '')} errors={p.errors} maxlength={1000} />
    <Field name="validFrom" label="Gælder fra" type="date" value={fieldValue(p, 'validFrom', p.rule?.valid_from ?? '')} errors={p.errors} required />
    <Field
      name="validTo"
      label="Gælder til"
      hint="Tomt: indtil videre."
      type="date"
      value={fieldValue(p, 'validTo', p.rule?.valid_to ?? '')}
      errors={p.errors}
    />
  </>
);

export const RulesPage = (p: Awaited<ReturnType<typeof rulesPage>> & FormProps & { saved?: string }) => (
  <>
    <h1>Udløsere og forløb i {p.area.name}</h1>
    {p.saved && <Alert kind="success" heading="Udløseren er gemt." />}
    <form method="get" action={`${base}/regler`} class="ramme-filters">
      <Select name="area" label="Rammeaftaleområde" value={p.area.code} options={p.areas.map((a) => ({ value: a.code, label: a.name }))} />
      <div class="form-group">
        <button class="button button-secondary" type="submit">
          Vis
        </button>
      </div>
    </form>
    <h2>Forløb for en dialogsag</h2>
    {p.procedure ? (
      <>
        <p>
          <strong>{p.procedure.name}</strong>, i denne rækkefølge:
        </p>
        <ol>
          {p.procedure.steps.map((s) => (
            <li>{s}</li>
          ))}
        </ol>
      </>
    ) : (
      <p>Området har intet forløb for dialogsager i dag.</p>
    )}
    <h2>Udløsere</h2>
    {p.rules.length === 0 ? (
      <p>Området har ingen udløsere.</p>
    ) : (
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--zebra table--compact">
          <caption>Udløsere med gyldighed</caption>
          <thead>
            <tr>
              <th scope="col">Udløser</th>
              <th scope="col" class="ramme-num">
                Svarfrist
              </th>
              <th scope="col">Gælder</th>
              <th scope="col">Bemærkning</th>
              {p.canEdit && <th scope="col">Ret</th>}
            </tr>
          </thead>
          <tbody>
            {p.rules.map((r) => (
              <tr>
                <td>{ruleText(r)}</td>
                <td class="ramme-num">{r.deadline_days} dage</td>
                <td>
                  {formatDate(r.valid_from)} – {r.valid_to ? formatDate(r.valid_to) : 'indtil videre'}
                </td>
                <td>{r.note ?? '–'}</td>
                {p.canEdit && (
                  <td>
                    <a href={`${base}/regler/${r.id}`} aria-label={`Ret ${ruleText(r)}`}>
                      Ret
                    </a>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
    {p.canEdit && (
      <section>
        <h2>Ny udløser</h2>
        <ErrorSummary errors={p.errors} labels={LABELS} />
        <form method="post" action={`${base}/regler`} novalidate>
          <CsrfField token={p.csrf} />
          <input type="hidden" name="areaCode" value={p.area.code} />
          <RuleFields {...p} />
          <button class="button button-primary" type="submit">
            Tilføj udløseren
          </button>
        </form>
      </section>
    )}
  </>
);

export const RuleEditPage = (p: FormProps & { rule: TriggerRow; areaName: string }) => (
  <>
    <h1>Ret udløser i {p.areaName}</h1>
    <ErrorSummary errors={p.errors} labels={LABELS} />
    <form method="post" action={`${base}/regler/${p.rule.id}`} novalidate>
      <CsrfField token={p.csrf} />
      <input type="hidden" name="version" value={fieldValue(p, 'version', String(p.rule.version))} />
      <RuleFields {...p} />
      <button class="button button-primary" type="submit">
        Gem udløseren
      </button>
    </form>
  </>
);
