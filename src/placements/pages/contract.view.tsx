/**
 * @module Pages of standard contracts: the scoped list with filters (a reader sees the counts only), one contract
 * in Danish with the actions the actor may take as forms (terms, public-first check, send, accept, notice,
 * amendment), and the terms form of a draft.
 */
import type { FieldErrors } from '../../core/errors.js';
import { count, formatDate, formatDateTime, formatForInput, formatMoney } from '../../core/format.js';
import { Alert, CsrfField, DescriptionList, ErrorSummary, Field, Pagination, Select, TextArea } from '../../core/web/components.js';
import type { ContractPageView } from '../contract-page.service.js';
import type { ContractList } from '../contract-list.service.js';
import { CONTRACT_FIELD_LABELS } from '../contract.logic.js';
import {
  ADDON_UNIT_LABELS,
  ADDON_UNITS,
  CONTRACT_STATE_LABELS,
  CONTRACT_STATES,
  INDEXATION_LABELS,
  NOTICE_PARTY_LABELS,
  PAYMENT_TIMING_LABELS,
  type AddonUnit,
} from '../placements.table.js';
import type { FormValues } from './http.js';

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '–' : String(v));
const days = (n: number | null) => (n === null ? '–' : count(n, 'dag', 'dage'));
const q = (v: FormValues, k: string) => {
  const x = v[k];
  return (Array.isArray(x) ? x[0] : x) ?? '';
};

export const ContractsPage = ({ list }: { list: ContractList }) => {
  const f = list.query;
  const href = (page: number) => {
    const p = new URLSearchParams();
    if (f.state) p.set('state', f.state);
    if (f.kind) p.set('kind', f.kind);
    if (f.isStandard) p.set('isStandard', f.isStandard);
    if (f.q) p.set('q', f.q);
    p.set('page', String(page));
    return `/pladser/kontrakter?${p}`;
  };
  return (
    <>
      <h1>Kontrakter</h1>
      <p>{list.isCountsOnly ? 'Som læser ser du antallet af kontrakter i dine områder, ikke de enkelte kontrakter.' : 'De kontrakter, du har adgang til.'}</p>
      {list.canImport && (
        <p>
          <a href="/pladser/kontrakter/import">Importér kommunens eksisterende kontrakter (CSV eller Excel)</a>
        </p>
      )}
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--compact">
          <caption>Antal kontrakter pr. status</caption>
          <thead>
            <tr>
              {CONTRACT_STATES.map((s) => (
                <th scope="col">{CONTRACT_STATE_LABELS[s]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {CONTRACT_STATES.map((s) => (
                <td>{list.byState[s]}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {!list.isCountsOnly && (
        <>
          <form method="get" action="/pladser/kontrakter" class="ramme-filters">
            <Select
              name="state"
              label="Status"
              emptyLabel="Alle"
              value={f.state ?? ''}
              options={CONTRACT_STATES.map((s) => ({ value: s, label: CONTRACT_STATE_LABELS[s] }))}
            />
            <Select
              name="kind"
              label="Tilbud"
              emptyLabel="Alle"
              value={f.kind ?? ''}
              options={[
                { value: 'offentlig', label: 'Offentlige (kommunale og regionale)' },
                { value: 'privat', label: 'Private og selvejende' },
              ]}
            />
            <Select
              name="isStandard"
              label="Skabelon"
              emptyLabel="Alle"
              value={f.isStandard ?? ''}
              options={[
                { value: 'ja', label: 'Standardkontrakt' },
                { value: 'nej', label: 'Kommunens egen skabelon' },
              ]}
            />
            <Field name="q" label="Sagsnummer eller tilbud" type="search" value={f.q ?? ''} maxlength={60} />
            <button type="submit" class="button button-secondary">
              Vis kontrakter
            </button>
          </form>
          {list.items.length === 0 ? (
            <p>Ingen kontrakter matcher.</p>
          ) : (
            <div class="ramme-table-wrap" tabindex={0}>
              <table class="table table--zebra table--compact">
                <caption>Kontrakter ({count(list.total, 'kontrakt', 'kontrakter')})</caption>
                <thead>
                  <tr>
                    <th scope="col">Sagsnummer</th>
                    <th scope="col">Tilbud</th>
                    <th scope="col">Køber</th>
                    <th scope="col">Leverandør</th>
                    <th scope="col">Status</th>
                    <th scope="col">Start</th>
                    <th scope="col">Slut</th>
                    <th scope="col">Skabelon</th>
                  </tr>
                </thead>
                <tbody>
                  {list.items.map((r) => (
                    <tr>
                      <td>
                        <a href={`/pladser/kontrakter/${r.id}`}>{r.case_reference}</a>
                      </td>
                      <td>{r.offering_name}</td>
                      <td>{r.buyer_name}</td>
                      <td>{r.operator_name}</td>
                      <td>{CONTRACT_STATE_LABELS[r.state]}</td>
                      <td>{formatDate(r.start_date)}</td>
                      <td>{r.effective_end_date ? formatDate(r.effective_end_date) : 'Tidsubegrænset'}</td>
                      <td>{r.is_standard ? 'Standard' : 'Egen skabelon'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination page={list.page} pageCount={list.pageCount} total={list.total} hrefFor={href} />
        </>
      )}
    </>
  );
};

/** The whole contract, section by section (the PDF has the same sections). */
const ContractBody = ({ c }: { c: ContractPageView['contract'] }) => (
  <>
    <h2>Parter</h2>
    <DescriptionList
      items={[
        ['Handlekommune', `${c.buyer_name}${c.buyer_department ? `, ${c.buyer_department}` : ''}`],
        ['Handlekommunens EAN-nummer', dash(c.buyer_ean)],
        ['Kontaktperson (handlekommune)', [c.buyer_contact_name, c.buyer_contact_phone, c.buyer_contact_email].filter(Boolean).join(' · ') || '–'],
        [
          'Betalingskommune',
          c.paying_org_id ? `${c.paying_name}${c.paying_department ? `, ${c.paying_department}` : ''} (EAN ${dash(c.paying_ean)})` : 'Samme som handlekommunen',
        ],
        ['Leverandør', `${c.operator_name} (${c.operator_type_name})`],
        ['Leverandørens EAN/CVR', [c.provider_ean && `EAN ${c.provider_ean}`, c.provider_cvr && `CVR ${c.provider_cvr}`].filter(Boolean).join(' · ') || '–'],
        ['Kontaktperson (leverandør)', [c.provider_contact_name, c.provider_contact_phone, c.provider_contact_email].filter(Boolean).join(' · ') || '–'],
        ['Borger', `Købers sagsnummer ${c.case_reference}`],
      ]}
    />
    <h2>Ydelse og pris</h2>
    <DescriptionList
      items={[
        ['Tilbud', <a href={`/tilbud/${c.offering_id}`}>{c.offering_name}</a>],
        ['Lovgrundlag', c.legal_basis_label],
        ['Takstniveau', dash(c.tariff_level)],
        ['Takst', c.tariff_price === null ? '–' : `${formatMoney(String(c.tariff_price))} (${dash(c.tariff_unit)})`],
        ['Regulering', c.indexation ? INDEXATION_LABELS[c.indexation] : '–'],
      ]}
    />
    {c.addOns.length > 0 ? (
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--compact">
          <caption>Særydelser</caption>
          <thead>
            <tr>
              <th scope="col">Ydelse</th>
              <th scope="col">Pris</th>
              <th scope="col">Periode</th>
            </tr>
          </thead>
          <tbody>
            {c.addOns.map((a) => (
              <tr>
                <td>{a.text}</td>
                <td>
                  {formatMoney(String(a.price))} {ADDON_UNIT_LABELS[a.unit as AddonUnit] ?? a.unit}
                </td>
                <td>
                  {formatDate(a.period_from)} – {a.period_to ? formatDate(a.period_to) : 'kontraktens slut'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    ) : (
      <p>Ingen særydelser.</p>
    )}
    <h2>Periode og opsigelse</h2>
    <DescriptionList
      items={[
        ['Startdato', formatDate(c.start_date)],
        ['Slutdato', c.end_date ? formatDate(c.end_date) : 'Tidsubegrænset'],
        ...(c.current_end_date !== c.end_date
          ? ([['Slutdato efter tillæg', c.current_end_date ? formatDate(c.current_end_date) : '–']] as Array<[string, string]>)
          : []),
        ['Forventet varighed', c.expected_duration_months ? count(c.expected_duration_months, 'måned', 'måneder') : '–'],
        ['Opsigelsesvarsel, køber', days(c.terms.buyerNoticeDays)],
        ['Opsigelsesvarsel, leverandør', days(c.terms.providerNoticeDays)],
        ...(c.notice?.is_placeholder ? ([['Kilde til varslerne', c.notice.source]] as Array<[string, string]>) : []),
        ...(c.notice_party
          ? ([
              ['Opsagt', `${formatDate(c.notice_given_on)} af ${NOTICE_PARTY_LABELS[c.notice_party]} (${dash(c.notice_given_by)})`],
              ['Ophører', formatDate(c.notice_end_date)],
            ] as Array<[string, string]>)
          : []),
      ]}
    />
    <h2>Mål og opfølgning</h2>
    <p>{c.goals ?? 'Ingen mål beskrevet endnu.'}</p>
    <p>Opfølgning: {c.follow_up_dates.length ? c.follow_up_dates.map((d) => formatDate(d)).join(', ') : '–'}</p>
    <h2>Betaling</h2>
    <p>
      {c.payment_timing ? `Betaling ${PAYMENT_TIMING_LABELS[c.payment_timing].toLowerCase()}` : 'Betaling forud/bagud ikke valgt'}; betalingsfrist{' '}
      {c.payment_days === null ? '–' : `${count(c.payment_days, 'dag', 'dage')} efter modtaget faktura`}.
    </p>
    {c.amendments.length > 0 && (
      <>
        <h2>Tillæg</h2>
        <ol>
          {c.amendments.map((a) => (
            <li>
              Tillæg {a.number}, gælder fra {formatDate(a.effective_date)}: {a.description} ({formatDateTime(a.created_at)}, {a.created_by})
            </li>
          ))}
        </ol>
      </>
    )}
    <h2>Skabelon</h2>
    <p>{c.is_standard ? `${c.template_title} (version ${c.template_version})` : 'Kommunens egen skabelon (ikke en standardkontrakt).'}</p>
    {c.template_body && <p>{c.template_body}</p>}
  </>
);

const MissingList = ({ missing, id }: { missing: FieldErrors; id: number }) => (
  <Alert kind="warning" heading="Kladden er ikke komplet">
    <ul>
      {Object.entries(missing).map(([f, msgs]) => (
        <li>
          {CONTRACT_FIELD_LABELS[f] ?? f}: {msgs.join(' ')}
        </li>
      ))}
    </ul>
    <p>
      <a href={`/pladser/kontrakter/${id}/vilkaar`}>Udfyld vilkårene</a>
    </p>
  </Alert>
);

export const ContractPage = (p: ContractPageView & { csrf: string; errors?: FieldErrors; saved?: string; values?: FormValues }) => {
  const c = p.contract;
  const v = p.values ?? {};
  return (
    <>
      <h1>Kontrakt {c.case_reference}</h1>
      {p.saved && <Alert kind="success" heading="Kontrakten er gemt." />}
      <ErrorSummary errors={p.errors} labels={CONTRACT_FIELD_LABELS} message={p.errors ? 'Handlingen kunne ikke gennemføres' : undefined} />
      <p>
        <strong>Status: {CONTRACT_STATE_LABELS[c.state]}</strong>
        {c.sent_at && ` · sendt ${formatDateTime(c.sent_at)} af ${c.sent_by}`}
        {c.accepted_at && ` · accepteret ${formatDateTime(c.accepted_at)} af ${c.accepted_by}`}
        {' · '}
        <a href={`/pladser/kontrakter/${c.id}/kontrakt.pdf`}>Hent kontrakten som PDF</a>
      </p>
      {c.canEdit && Object.keys(c.missing).length > 0 && <MissingList missing={c.missing} id={c.id} />}
      {c.canEdit && (
        <p>
          <a class="button button-secondary" href={`/pladser/kontrakter/${c.id}/vilkaar`}>
            Redigér vilkår
          </a>
        </p>
      )}
      <ContractBody c={c} />
      {p.isPrivate && c.canEdit && (
        <>
          <h2>Tjek af offentlige tilbud før privat køb</h2>
          <form method="post" action={`/pladser/kontrakter/${c.id}/tjek`} novalidate>
            <CsrfField token={p.csrf} />
            <Select
              name="searchId"
              label="Søgning, købet henviser til"
              emptyLabel="Vælg en søgning"
              value={q(v, 'searchId') || (c.search_id ? String(c.search_id) : '')}
              errors={p.errors}
              options={p.searches.map((s) => ({
                value: String(s.id),
                label: `${formatDateTime(s.made_at)}: ${count(s.result_count, 'tilbud', 'tilbud')}, heraf ${s.public_with_place_count} offentlige med ledig plads`,
              }))}
            />
            <Select
              name="reasonCode"
              label="Begrundelse for at købe privat"
              emptyLabel="Ingen (søgningen viste ingen egnede offentlige pladser)"
              value={q(v, 'reasonCode') || (c.public_first_reason ?? '')}
              errors={p.errors}
              options={p.reasons.map((r) => ({ value: r.code, label: r.label }))}
            />
            <TextArea
              name="reasonText"
              label="Uddybning"
              value={q(v, 'reasonText') || c.public_first_text}
              maxlength={1000}
              errors={p.errors}
              hint="Skriv aldrig CPR-numre."
            />
            <button type="submit" class="button button-secondary">
              Gem tjekket
            </button>
          </form>
        </>
      )}
      {c.canSend && (
        <form method="post" action={`/pladser/kontrakter/${c.id}/send`}>
          <CsrfField token={p.csrf} />
          <button type="submit" class="button button-primary">
            Send kontrakten til leverandøren
          </button>
        </form>
      )}
      {c.canAccept && (
        <form method="post" action={`/pladser/kontrakter/${c.id}/accepter`}>
          <CsrfField token={p.csrf} />
          <button type="submit" class="button button-primary">
            Acceptér kontrakten
          </button>
        </form>
      )}
      {c.noticeParties.length > 0 && (
        <>
          <h2>Opsig kontrakten</h2>
          <form method="post" action={`/pladser/kontrakter/${c.id}/opsig`} novalidate>
            <CsrfField token={p.csrf} />
            <Select
              name="party"
              label="Part, der opsiger"
              value={q(v, 'party') || c.noticeParties[0]}
              errors={p.errors}
              options={c.noticeParties.map((x) => ({ value: x, label: NOTICE_PARTY_LABELS[x] }))}
            />
            <Field
              name="date"
              label="Opsigelsen gives den"
              type="date"
              value={q(v, 'date')}
              errors={p.errors}
              required
              hint="Slutdatoen følger af partens opsigelsesvarsel."
            />
            <button type="submit" class="button button-secondary">
              Opsig kontrakten
            </button>
          </form>
        </>
      )}
      {c.canAmend && (
        <>
          <h2>Tilføj et tillæg</h2>
          <form method="post" action={`/pladser/kontrakter/${c.id}/tillaeg`} novalidate>
            <CsrfField token={p.csrf} />
            <Field name="effectiveDate" label="Gælder fra" type="date" value={q(v, 'effectiveDate')} errors={p.errors} required />
            <TextArea
              name="description"
              label="Beskrivelse"
              value={q(v, 'description')}
              maxlength={2000}
              errors={p.errors}
              required
              hint="Skriv aldrig CPR-numre."
            />
            <Field name="endDate" label="Ny slutdato (tom: uændret)" type="date" value={q(v, 'endDate')} errors={p.errors} />
            <Field
              name="expectedDurationMonths"
              label="Ny forventet varighed i måneder (tom: uændret)"
              inputmode="numeric"
              value={q(v, 'expectedDurationMonths')}
              errors={p.errors}
            />
            {p.levels.length > 0 && (
              <Select
                name="tariffLevel"
                label="Nyt takstniveau (tom: uændret)"
                emptyLabel="Uændret"
                value={q(v, 'tariffLevel')}
                errors={p.errors}
                options={p.levels.map((l) => ({ value: l.name, label: `${l.name} (${formatMoney(l.tariff)})` }))}
              />
            )}
            <button type="submit" class="button button-secondary">
              Tilføj tillægget
            </button>
          </form>
        </>
      )}
    </>
  );
};

const ADDON_ROWS = 3;
const FOLLOW_UP_ROWS = 4;

export const TermsPage = (p: ContractPageView & { csrf: string; errors?: FieldErrors; values?: FormValues }) => {
  const c = p.contract;
  const v = p.values;
  const val = (k: string, stored: string | number | null | undefined) => (v ? q(v, k) : stored === null || stored === undefined ? '' : String(stored));
  const labels: Record<string, string> = {
    ...CONTRACT_FIELD_LABELS,
    'buyerContact.name': 'Kontaktperson hos handlekommunen',
    'providerContact.name': 'Kontaktperson hos leverandøren',
    'buyerContact.email': 'E-mail (handlekommune)',
    'providerContact.email': 'E-mail (leverandør)',
  };
  return (
    <>
      <h1>Vilkår for kontrakt {c.case_reference}</h1>
      <ErrorSummary errors={p.errors} labels={labels} />
      <form method="post" action={`/pladser/kontrakter/${c.id}/vilkaar`} novalidate>
        <CsrfField token={p.csrf} />
        <input type="hidden" name="version" value={val('version', c.version)} />
        <fieldset>
          <legend class="h3">Handlekommune og betalingskommune</legend>
          <Field name="buyerDepartment" label="Handlekommunens afdeling" value={val('buyerDepartment', c.buyer_department)} errors={p.errors} maxlength={200} />
          <Field
            name="buyerEan"
            label="Handlekommunens EAN-nummer"
            inputmode="numeric"
            value={val('buyerEan', c.buyer_ean)}
            errors={p.errors}
            hint="13 cifre"
          />
          <Field name="buyerContact.name" label="Kontaktperson hos handlekommunen" value={val('buyerContact.name', c.buyer_contact_name)} errors={p.errors} />
          <Field
            name="buyerContact.phone"
            label="Telefon (handlekommune)"
            type="tel"
            value={val('buyerContact.phone', c.buyer_contact_phone)}
            errors={p.errors}
          />
          <Field
            name="buyerContact.email"
            label="E-mail (handlekommune)"
            type="email"
            value={val('buyerContact.email', c.buyer_contact_email)}
            errors={p.errors}
          />
          <Select
            name="payingOrganisationId"
            label="Betalingskommune"
            emptyLabel="Samme som handlekommunen"
            value={val('payingOrganisationId', c.paying_org_id)}
            errors={p.errors}
            options={p.municipalities.filter((m) => m.id !== c.buyer_org_id).map((m) => ({ value: String(m.id), label: m.name }))}
          />
          <Field name="payingDepartment" label="Betalingskommunens afdeling" value={val('payingDepartment', c.paying_department)} errors={p.errors} />
          <Field name="payingEan" label="Betalingskommunens EAN-nummer" inputmode="numeric" value={val('payingEan', c.paying_ean)} errors={p.errors} />
        </fieldset>
        <fieldset>
          <legend class="h3">Leverandør</legend>
          <Field
            name="providerEan"
            label="Leverandørens EAN-nummer"
            inputmode="numeric"
            value={val('providerEan', c.provider_ean)}
            errors={p.errors}
            hint="Offentlige tilbud: EAN (13 cifre)"
          />
          <Field
            name="providerCvr"
            label="Leverandørens CVR-nummer"
            inputmode="numeric"
            value={val('providerCvr', c.provider_cvr)}
            errors={p.errors}
            hint="Private tilbud: CVR (8 cifre)"
          />
          <Field
            name="providerContact.name"
            label="Kontaktperson hos leverandøren"
            value={val('providerContact.name', c.provider_contact_name)}
            errors={p.errors}
          />
          <Field
            name="providerContact.phone"
            label="Telefon (leverandør)"
            type="tel"
            value={val('providerContact.phone', c.provider_contact_phone)}
            errors={p.errors}
          />
          <Field
            name="providerContact.email"
            label="E-mail (leverandør)"
            type="email"
            value={val('providerContact.email', c.provider_contact_email)}
            errors={p.errors}
          />
        </fieldset>
        <fieldset>
          <legend class="h3">Ydelse og pris</legend>
          {p.levels.length > 0 ? (
            <Select
              name="tariffLevel"
              label={`Takstniveau (offentliggjort takst ${p.tariffYear})`}
              value={val('tariffLevel', c.tariff_level)}
              errors={p.errors}
              options={p.levels.map((l) => ({ value: l.name, label: `${l.name} (${formatMoney(l.tariff)})` }))}
            />
          ) : (
            <p>
              {p.tariffYear
                ? `Den offentliggjorte takst ${p.tariffYear} har ingen niveauer; prisen er gennemsnitstaksten.`
                : 'Tilbuddet har ingen offentliggjort takst.'}
            </p>
          )}
          <p>{c.indexation ? INDEXATION_LABELS[c.indexation] : ''}</p>
          {Array.from({ length: ADDON_ROWS }, (_, i) => {
            const a = c.addOns[i];
            return (
              <fieldset>
                <legend>Særydelse {i + 1}</legend>
                <Field name={`addOns.${i}.text`} label="Ydelse" value={val(`addOns.${i}.text`, a?.text)} errors={p.errors} maxlength={300} />
                <Field
                  name={`addOns.${i}.price`}
                  label="Pris i kr."
                  inputmode="decimal"
                  value={val(`addOns.${i}.price`, a ? formatForInput(a.price) : '')}
                  errors={p.errors}
                />
                <Select
                  name={`addOns.${i}.unit`}
                  label="Enhed"
                  value={val(`addOns.${i}.unit`, a?.unit ?? 'dag')}
                  errors={p.errors}
                  options={ADDON_UNITS.map((u) => ({ value: u, label: ADDON_UNIT_LABELS[u] }))}
                />
                <Field name={`addOns.${i}.periodFrom`} label="Fra" type="date" value={val(`addOns.${i}.periodFrom`, a?.period_from)} errors={p.errors} />
                <Field
                  name={`addOns.${i}.periodTo`}
                  label="Til (tom: kontraktens slut)"
                  type="date"
                  value={val(`addOns.${i}.periodTo`, a?.period_to)}
                  errors={p.errors}
                />
              </fieldset>
            );
          })}
        </fieldset>
        <fieldset>
          <legend class="h3">Periode</legend>
          <p>Startdato: {formatDate(c.start_date)}</p>
          <Field
            name="endDate"
            label="Slutdato"
            type="date"
            value={val('endDate', c.end_date)}
            errors={p.errors}
            hint={
              p.contract.rule?.time_limited_from ? `Nye kontrakter fra ${formatDate(p.contract.rule.time_limited_from)} skal være tidsbegrænsede.` : undefined
            }
          />
          <Field
            name="expectedDurationMonths"
            label="Forventet varighed i måneder"
            inputmode="numeric"
            value={val('expectedDurationMonths', c.expected_duration_months)}
            errors={p.errors}
          />
        </fieldset>
        <fieldset>
          <legend class="h3">Mål og opfølgning</legend>
          <TextArea
            name="goals"
            label="Mål for indsatsen"
            value={val('goals', c.goals)}
            errors={p.errors}
            maxlength={4000}
            hint="Mod mere selvhjulpenhed og den mindst indgribende indsats. Skriv aldrig CPR-numre."
          />
          {Array.from({ length: FOLLOW_UP_ROWS }, (_, i) => (
            <Field
              name={`followUpDates.${i}`}
              label={`Opfølgning ${i + 1}`}
              type="date"
              value={val(`followUpDates.${i}`, c.follow_up_dates[i])}
              errors={p.errors}
              hint={i === 0 && p.contract.rule ? `Senest ${p.contract.rule.first_follow_up_months} måneder efter start.` : undefined}
            />
          ))}
        </fieldset>
        <fieldset>
          <legend class="h3">Betaling</legend>
          <Select
            name="paymentTiming"
            label="Betaling"
            emptyLabel="Vælg"
            value={val('paymentTiming', c.payment_timing)}
            errors={p.errors}
            options={[
              { value: 'forud', label: 'Forud' },
              { value: 'bagud', label: 'Bagud' },
            ]}
          />
          <Field
            name="paymentDays"
            label="Betalingsfrist i dage efter modtaget faktura"
            inputmode="numeric"
            value={val('paymentDays', c.payment_days)}
            errors={p.errors}
            hint="Højst 30 dage."
          />
        </fieldset>
        <button type="submit" class="button button-primary">
          Gem vilkårene
        </button>
      </form>
    </>
  );
};
