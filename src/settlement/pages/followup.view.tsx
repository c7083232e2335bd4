/**
 * @module Pages of contract follow-up: the case worker's work list (overdue and soon-due follow-ups, the share held
 * on time) and one contract's follow-ups with its progression over time and the form that records one.
 */
import type { FieldErrors } from '../../core/errors.js';
import { count, formatDate, formatPercent } from '../../core/format.js';
import { Alert, CsrfField, ErrorSummary, Field, Select, TextArea } from '../../core/web/components.js';
import { DUE_STATE_LABELS } from '../followup.logic.js';
import type { ContractFollowUpsView, followUpWorkList } from '../followup.service.js';
import { DECISION_LABELS, DECISIONS } from '../settlement.table.js';

type WorkList = Awaited<ReturnType<typeof followUpWorkList>>;
export type FormValues = Record<string, string | undefined>;

export const WorkListPage = ({ v }: { v: WorkList }) => (
  <>
    <h1>Opfølgning</h1>
    <p>
      Opfølgninger på kommunens kontrakter, der er overskredet eller skal holdes inden for {count(v.rule.dueSoonDays, 'dag', 'dage')}. Reglen: første opfølgning{' '}
      {v.rule.firstMonths} måneder efter start, derefter hver {v.rule.intervalMonths}. måned, medmindre kontrakten har aftalt datoer. {v.source}
    </p>
    <p>
      Holdt til tiden: <strong>{v.share.percent === null ? '–' : formatPercent(v.share.percent)}</strong> ({v.share.onTime} af{' '}
      {count(v.share.due, 'forfalden opfølgning', 'forfaldne opfølgninger')} på {count(v.contracts, 'kontrakt', 'kontrakter')}).
    </p>
    {v.open.length === 0 ? (
      <p>Ingen opfølgninger er forfaldne eller skal holdes snart.</p>
    ) : (
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--zebra table--compact">
          <caption>Forfaldne og kommende opfølgninger ({count(v.open.length, 'opfølgning', 'opfølgninger')})</caption>
          <thead>
            <tr>
              <th scope="col">Dato</th>
              <th scope="col">Status</th>
              <th scope="col">Sagsnummer</th>
              <th scope="col">Tilbud</th>
            </tr>
          </thead>
          <tbody>
            {v.open.map((e) => (
              <tr>
                <td>{formatDate(e.due)}</td>
                <td>{DUE_STATE_LABELS[e.state]}</td>
                <td>
                  <a href={`/opfoelgning/kontrakt/${e.contractId}`}>{e.caseReference}</a>
                </td>
                <td>{e.offeringName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
  </>
);

const LABELS = {
  dueDate: 'Planlagt dato',
  heldOn: 'Holdt den',
  statusReport: 'Leverandørens statusrapport',
  level: 'Funktionsniveau',
  note: 'Note',
  decision: 'Beslutning',
  newLevel: 'Nyt takstniveau',
};

export const ContractFollowUpsPage = ({
  v,
  csrf,
  values,
  errors,
  saved,
}: {
  v: ContractFollowUpsView;
  csrf: string;
  values?: FormValues;
  errors?: FieldErrors;
  saved?: boolean;
}) => {
  const val = (k: string, d = '') => values?.[k] ?? d;
  return (
    <>
      <h1>Opfølgning på kontrakt {v.contract.caseReference}</h1>
      <p>
        {v.contract.offeringName}. Start {formatDate(v.contract.startDate)}
        {v.contract.endDate ? `, slut ${formatDate(v.contract.endDate)}` : ', uden slutdato'}.
      </p>
      {saved && <Alert kind="success">Opfølgningen er registreret.</Alert>}
      <h2>Progression over tid</h2>
      {v.progression.length === 0 ? (
        <p>Der er ikke registreret nogen opfølgning endnu.</p>
      ) : (
        <div class="ramme-table-wrap" tabindex={0}>
          <table class="table table--zebra table--compact">
            <caption>Borgerens funktionsniveau ved hver opfølgning (1 = ingen begrænsninger, 5 = fuldstændige)</caption>
            <thead>
              <tr>
                <th scope="col">Holdt</th>
                <th scope="col">Niveau</th>
                <th scope="col">Beskrivelse</th>
                <th scope="col">Beslutning</th>
              </tr>
            </thead>
            <tbody>
              {v.progression.map((p) => (
                <tr>
                  <td>{formatDate(p.heldOn)}</td>
                  <td>{p.level}</td>
                  <td>{p.label}</td>
                  <td>{p.decision}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Planlagte opfølgninger</h2>
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--zebra table--compact">
          <caption>Opfølgningsdatoer til og med de kommende {count(v.rule.dueSoonDays, 'dag', 'dage')}</caption>
          <thead>
            <tr>
              <th scope="col">Dato</th>
              <th scope="col">Status</th>
              <th scope="col">Holdt</th>
            </tr>
          </thead>
          <tbody>
            {v.entries.map((e) => (
              <tr>
                <td>{formatDate(e.due)}</td>
                <td>{DUE_STATE_LABELS[e.state]}</td>
                <td>{e.recorded ? formatDate(e.recorded.held_on) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {v.next && (
        <>
          <h2>Registrér opfølgning</h2>
          <ErrorSummary errors={errors} labels={LABELS} />
          <form method="post" action={`/opfoelgning/kontrakt/${v.contract.contractId}`}>
            <CsrfField token={csrf} />
            <Select
              name="dueDate"
              label={LABELS.dueDate}
              value={val('dueDate', v.next.due)}
              errors={errors}
              options={v.entries.filter((e) => e.recorded === null).map((e) => ({ value: e.due, label: formatDate(e.due) }))}
            />
            <Field name="heldOn" type="date" label={LABELS.heldOn} value={val('heldOn', v.today)} errors={errors} required />
            <TextArea name="statusReport" label={LABELS.statusReport} value={val('statusReport')} errors={errors} required rows={5} />
            <Select
              name="level"
              label={LABELS.level}
              emptyLabel="Vælg niveau"
              value={val('level')}
              errors={errors}
              options={v.scale.map((l) => ({ value: String(l.level), label: `${l.level}: ${l.label}` }))}
            />
            <TextArea name="note" label={LABELS.note} value={val('note')} errors={errors} rows={3} />
            <Select
              name="decision"
              label={LABELS.decision}
              value={val('decision', 'fortsaet')}
              errors={errors}
              options={DECISIONS.map((d) => ({ value: d, label: DECISION_LABELS[d] }))}
              hint="Skift niveau giver et tillæg til kontrakten fra dagen efter opfølgningen. Nedtrapning åbner en pladssøgning. Afslut registrerer beslutningen; opsigelsen gives på kontraktens side."
            />
            <Field
              name="newLevel"
              label={LABELS.newLevel}
              value={val('newLevel', '')}
              errors={errors}
              hint={`Kun ved skift af niveau: navnet på niveauet i den offentliggjorte takst${v.contract.tariffLevel ? ` (nu: ${v.contract.tariffLevel})` : ''}.`}
            />
            <button type="submit" class="button button-primary">
              Registrér opfølgningen
            </button>
          </form>
        </>
      )}
    </>
  );
};
