/**
 * @module Pages of the monthly statements: the list of what one's organisation sells and buys (with the form that
 * makes the drafts of a month for the seller's economy staff), and one statement with its lines, its files (CSV,
 * Excel and, once sent, the electronic invoice) and the send button for a draft.
 */
import { count, formatDate, formatMoney } from '../../core/format.js';
import { Alert, CsrfField, DescriptionList, Field, Select, TextArea } from '../../core/web/components.js';
import { SETTLEMENT_UNIT_LABELS, type SettlementUnit } from '../calculation.js';
import { ANSWER_LABELS, ANSWERS, STATEMENT_STATUS_LABELS, STATEMENT_STATUSES } from '../settlement.table.js';
import type { StatementView } from '../statement.service.js';

type Summary = {
  id: number;
  month: string;
  seller: { id: number; name: string };
  buyer: { id: number; name: string };
  statusLabel: string;
  total: string;
  lineCount: number;
  problemCount: number;
  dueDate: string | null;
};
export type StatementsView = {
  statements: Summary[];
  organisationId: number;
  query: { month?: string; side?: 'salg' | 'koeb'; status?: string };
  canGenerate: boolean;
  defaultMonth: string;
  csrf: string;
  message?: string;
  generated?: string;
};

const unit = (u: string | null) => (u && u in SETTLEMENT_UNIT_LABELS ? SETTLEMENT_UNIT_LABELS[u as SettlementUnit] : (u ?? '–'));

export const StatementsPage = (v: StatementsView) => (
  <>
    <h1>Afregning</h1>
    <p>Månedens afregninger mellem sælger og køber, prissat fra den offentliggjorte takstoversigt. Du ser dem, din organisation sælger eller køber.</p>
    {v.generated && <Alert kind="success">Kladderne for {v.generated} er dannet.</Alert>}
    {v.message && (
      <Alert kind="error" heading="Kladderne blev ikke dannet">
        {v.message}
      </Alert>
    )}
    {v.canGenerate && (
      <form method="post" action="/afregning/dan" class="ramme-filters">
        <CsrfField token={v.csrf} />
        <Field
          name="maaned"
          label="Dan kladder for måned (åååå-mm)"
          value={v.defaultMonth}
          maxlength={7}
          hint="Kladder erstattes; sendte afregninger ændres aldrig."
        />
        <button type="submit" class="button button-secondary">
          Dan kladder
        </button>
      </form>
    )}
    <form method="get" action="/afregning" class="ramme-filters">
      <Field name="month" label="Måned (åååå-mm)" value={v.query.month ?? ''} maxlength={7} />
      <Select
        name="side"
        label="Side"
        emptyLabel="Salg og køb"
        value={v.query.side ?? ''}
        options={[
          { value: 'salg', label: 'Det, vi sælger' },
          { value: 'koeb', label: 'Det, vi køber' },
        ]}
      />
      <Select
        name="status"
        label="Status"
        emptyLabel="Alle"
        value={v.query.status ?? ''}
        options={STATEMENT_STATUSES.map((s) => ({ value: s, label: STATEMENT_STATUS_LABELS[s] }))}
      />
      <button type="submit" class="button button-secondary">
        Vis afregninger
      </button>
    </form>
    {v.statements.length === 0 ? (
      <p>Ingen afregninger matcher.</p>
    ) : (
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--zebra table--compact">
          <caption>Afregninger ({count(v.statements.length, 'afregning', 'afregninger')})</caption>
          <thead>
            <tr>
              <th scope="col">Måned</th>
              <th scope="col">Sælger</th>
              <th scope="col">Køber</th>
              <th scope="col">Status</th>
              <th scope="col">Linjer</th>
              <th scope="col">Problemer</th>
              <th scope="col">I alt</th>
              <th scope="col">Forfald</th>
            </tr>
          </thead>
          <tbody>
            {v.statements.map((s) => (
              <tr>
                <td>
                  <a href={`/afregning/${s.id}`}>
                    {s.month}, {s.seller.id === v.organisationId ? `salg til ${s.buyer.name}` : `køb fra ${s.seller.name}`}
                  </a>
                </td>
                <td>{s.seller.name}</td>
                <td>{s.buyer.name}</td>
                <td>{s.statusLabel}</td>
                <td>{s.lineCount}</td>
                <td>{s.problemCount}</td>
                <td>{formatMoney(s.total)}</td>
                <td>{s.dueDate ? formatDate(s.dueDate) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
  </>
);

const remark = (l: StatementView['lines'][number]) =>
  [l.problem, l.text, l.isOldClaim ? 'Krav ældre end 12 måneder.' : null, l.dispute ? `Bestridt: ${l.dispute.reason}` : null].filter(Boolean).join(' ');

const DONE: Record<string, string> = {
  sendt: 'Afregningen er sendt.',
  godkendt: 'Afregningen er godkendt.',
  bestridt: 'Linjen er bestridt; sælgeren besvarer indsigelsen.',
  besvaret: 'Indsigelsen er besvaret.',
};

export const StatementPage = ({ s, csrf, message, done }: { s: StatementView; csrf: string; message?: string; done?: string }) => {
  const base = `/api/settlement/statements/${s.id}`;
  const disputable = s.lines.filter((l) => l.amount !== null && l.dispute === null);
  const open = s.lines.filter((l) => l.dispute !== null && l.answer === null);
  const lineOption = (l: StatementView['lines'][number]) => ({
    value: String(l.id),
    label: `Linje ${l.sort}: ${l.caseReference ?? ''} ${l.amount ? formatMoney(l.amount) : ''}`,
  });
  return (
    <>
      <h1>
        Afregning {s.month}: {s.seller.name} til {s.buyer.name}
      </h1>
      {done && DONE[done] && <Alert kind="success">{DONE[done]}</Alert>}
      {message && (
        <Alert kind="error" heading="Handlingen blev ikke udført">
          {message}
        </Alert>
      )}
      <DescriptionList
        items={[
          ['Status', s.statusLabel],
          ['I alt', formatMoney(s.total)],
          ['Linjer', `${s.lineCount}, heraf ${count(s.problemCount, 'problemlinje', 'problemlinjer')} uden offentliggjort pris`],
          ['Sendt', s.sentAt ? formatDate(s.sentAt) : 'Ikke sendt'],
          ['Forfald', s.dueDate ? formatDate(s.dueDate) : '–'],
          ['Hjemmel', s.legalReferences ?? '–'],
        ]}
      />
      <h2>Filer</h2>
      <ul>
        <li>
          <a href={`${base}/eksport.xlsx`}>Hent afregningen som Excel</a>
        </li>
        <li>
          <a href={`${base}/eksport.csv`}>Hent afregningen som CSV</a>
        </li>
        <li>
          {s.status === 'kladde' ? (
            'Den elektroniske faktura (OIOUBL/Peppol) kan hentes, når afregningen er sendt.'
          ) : (
            <a href={`${base}/faktura.xml`}>Hent elektronisk faktura (UBL 2.1, OIOUBL/Peppol BIS Billing 3)</a>
          )}
        </li>
      </ul>
      {s.canSend && (
        <form method="post" action={`/afregning/${s.id}/send`}>
          <CsrfField token={csrf} />
          <button type="submit" class="button button-primary">
            Send afregningen til {s.buyer.name}
          </button>
        </form>
      )}
      {s.canAccept && (
        <form method="post" action={`/afregning/${s.id}/godkend`}>
          <CsrfField token={csrf} />
          <button type="submit" class="button button-primary">
            Godkend afregningen
          </button>
        </form>
      )}
      {s.canDispute && disputable.length > 0 && (
        <form method="post" action={`/afregning/${s.id}/bestrid`}>
          <h2>Bestrid en linje</h2>
          <CsrfField token={csrf} />
          <Select name="linje" label="Linje" options={disputable.map(lineOption)} />
          <TextArea name="reason" label="Begrundelse" rows={3} required />
          <button type="submit" class="button button-secondary">
            Bestrid linjen
          </button>
        </form>
      )}
      {s.canAnswer && open.length > 0 && (
        <form method="post" action={`/afregning/${s.id}/besvar`}>
          <h2>Besvar en indsigelse</h2>
          <CsrfField token={csrf} />
          <Select name="linje" label="Bestridt linje" options={open.map(lineOption)} />
          <Select name="answer" label="Svar" options={ANSWERS.map((a) => ({ value: a, label: ANSWER_LABELS[a] }))} />
          <TextArea name="text" label="Svartekst" rows={3} required />
          <Field name="correctedAmount" label="Rettet beløb i kr. (ved rettelse)" inputmode="decimal" maxlength={20} />
          <button type="submit" class="button button-secondary">
            Send svaret
          </button>
        </form>
      )}
      <h2>Linjer</h2>
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--zebra table--compact">
          <caption>Afregningens linjer</caption>
          <thead>
            <tr>
              <th scope="col">Linje</th>
              <th scope="col">Sag</th>
              <th scope="col">Tilbud</th>
              <th scope="col">Periode</th>
              <th scope="col">Dage</th>
              <th scope="col">Enhed</th>
              <th scope="col">Enhedspris</th>
              <th scope="col">Beløb</th>
              <th scope="col">Bemærkning</th>
            </tr>
          </thead>
          <tbody>
            {s.lines.map((l) => (
              <tr>
                <td>{l.sort}</td>
                <td>{l.caseReference ?? '–'}</td>
                <td>{l.offeringName ?? '–'}</td>
                <td>{l.periodFrom && l.periodTo ? `${formatDate(l.periodFrom)}–${formatDate(l.periodTo)}` : '–'}</td>
                <td>{l.days ?? '–'}</td>
                <td>{unit(l.unit)}</td>
                <td>{l.unitPrice ? formatMoney(l.unitPrice) : '–'}</td>
                <td>{l.amount ? formatMoney(l.amount) : '–'}</td>
                <td>{remark(l)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
};
