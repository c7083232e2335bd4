/**
 * @module Pages of reservations: the list the actor sees and one reservation with the operator's confirm /
 * decline forms and the buyer's cancel form.
 */
import type { FieldErrors } from '../../core/errors.js';
import { formatDate, formatDateTime } from '../../core/format.js';
import { Alert, CsrfField, DescriptionList, ErrorSummary, TextArea } from '../../core/web/components.js';
import { RESERVATION_STATE_LABELS } from '../placements.table.js';
import type { ReservationView, reservationPage } from '../reservation.service.js';

export const ReservationsPage = ({ rows }: { rows: ReservationView[] }) => (
  <>
    <h1>Reservationer</h1>
    {rows.length === 0 ? (
      <p>Der er ingen reservationer.</p>
    ) : (
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--zebra table--compact">
          <caption>De seneste reservationer, du har adgang til</caption>
          <thead>
            <tr>
              <th scope="col">Sagsnummer</th>
              <th scope="col">Tilbud</th>
              <th scope="col">Kommune (køber)</th>
              <th scope="col">Startdato</th>
              <th scope="col">Status</th>
              <th scope="col">Udløber</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>
                  <a href={`/pladser/reservationer/${r.id}`}>{r.case_reference}</a>
                </td>
                <td>{r.offering_name}</td>
                <td>{r.buyer_name}</td>
                <td>{formatDate(r.start_date)}</td>
                <td>{RESERVATION_STATE_LABELS[r.state]}</td>
                <td>{r.state === 'afventer' || (r.state === 'bekraeftet' && !r.has_contract) ? formatDateTime(r.expires_at) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
  </>
);

export const ReservationPage = (p: Awaited<ReturnType<typeof reservationPage>> & { csrf: string; errors?: FieldErrors; saved?: string }) => {
  const r = p.reservation;
  return (
    <>
      <h1>Reservation {r.case_reference}</h1>
      {p.saved && <Alert kind="success" heading="Reservationen er gemt." />}
      <ErrorSummary errors={p.errors} labels={{ reason: 'Begrundelse' }} />
      <DescriptionList
        items={[
          ['Status', RESERVATION_STATE_LABELS[r.state]],
          ['Tilbud', <a href={`/tilbud/${r.offering_id}`}>{r.offering_name}</a>],
          ['Driftsherre', r.operator_name],
          ['Køber', r.buyer_name],
          ['Sagsnummer', r.case_reference],
          ['Ønsket startdato', formatDate(r.start_date)],
          ['Reserveret', `${formatDateTime(r.created_at)} af ${r.created_by}`],
          r.has_contract
            ? ['Udløber', 'Nej – reservationen er blevet til en kontrakt, som nu holder pladsen']
            : r.state === 'bekraeftet'
              ? ['Udløber', `${formatDateTime(r.expires_at)}, hvis kontrakten ikke er oprettet inden da`]
              : ['Udløber', formatDateTime(r.expires_at)],
          ...(r.decided_at ? ([['Besvaret', `${formatDateTime(r.decided_at)} af ${r.decided_by ?? ''}`]] as Array<[string, string]>) : []),
          ...(r.decline_reason ? ([['Begrundelse for afvisning', r.decline_reason]] as Array<[string, string]>) : []),
        ]}
      />
      {p.contractId !== null && (
        <p>
          <a href={`/pladser/kontrakter/${p.contractId}`}>Se kontrakten</a>
        </p>
      )}
      {p.canDraft && (
        <form method="post" action={`/pladser/reservationer/${r.id}/kontrakt`}>
          <CsrfField token={p.csrf} />
          <button type="submit" class="button button-primary">
            Opret kontraktkladde
          </button>
        </form>
      )}
      {p.canDecide && (
        <>
          <h2>Svar på reservationen</h2>
          <form method="post" action={`/pladser/reservationer/${r.id}/bekraeft`}>
            <CsrfField token={p.csrf} />
            <button type="submit" class="button button-primary">
              Bekræft reservationen
            </button>
          </form>
          <form method="post" action={`/pladser/reservationer/${r.id}/afvis`} novalidate>
            <CsrfField token={p.csrf} />
            <TextArea name="reason" label="Begrundelse for afvisning" required maxlength={500} errors={p.errors} hint="Skriv aldrig CPR-numre." />
            <button type="submit" class="button button-secondary">
              Afvis reservationen
            </button>
          </form>
        </>
      )}
      {p.canCancel && (
        <form method="post" action={`/pladser/reservationer/${r.id}/annuller`}>
          <CsrfField token={p.csrf} />
          <button type="submit" class="button button-secondary">
            Annullér reservationen
          </button>
        </form>
      )}
    </>
  );
};
