/**
 * @module One offering's page: master data, legal bases and target groups, places and status, contact,
 * its latest changes, and the actions the actor may take.
 */
import type { FC } from 'hono/jsx';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../core/format.js';
import { Alert, DescriptionList } from '../../core/web/components.js';
import { type OfferingOutcome, OutcomeSummary } from '../../settlement/settlement.public.js';
import { TARIFF_UNIT_LABELS, type PublishedTariff } from '../../tariffs/tariffs.public.js';
import type { HistoryChange } from '../history.js';
import type { OfferingDetail } from '../offerings.service.js';
import { PROTECTION_LABELS, STATUS_LABELS } from '../offerings.table.js';

export type OfferingView = {
  offering: OfferingDetail;
  actions: { canEdit: boolean; canClose: boolean };
  history: Array<{ at: Date; action: string; who: string; changes: HistoryChange[] }>;
  /** The published tariff of the current year, or null when none is published. */
  tariffYear: number;
  tariff: PublishedTariff | null;
  /** The outcome beside the price (from the follow-ups), withheld below the minimum number of citizens. */
  outcome: OfferingOutcome | undefined;
  /** Confirmation after a redirect (created, saved). */
  notice: string | null;
};

const ACTION_WORDS: Record<string, string> = { create: 'Oprettet', update: 'Ændret', delete: 'Slettet' };

/** Each change: when, by whom (the person's name), and each changed field with its old and new value. */
const History: FC<{ history: OfferingView['history'] }> = ({ history }) =>
  history.length === 0 ? (
    <p>Ingen registrerede ændringer.</p>
  ) : (
    <ul class="ramme-history">
      {history.map((h) => (
        <li>
          <p>
            <strong>{formatDateTime(h.at)}</strong>: {ACTION_WORDS[h.action] ?? h.action} af {h.who}
          </p>
          {h.changes.length > 0 && (
            <table class="table table--compact">
              <caption class="sr-only">Ændrede felter {formatDateTime(h.at)}</caption>
              <thead>
                <tr>
                  <th scope="col">Felt</th>
                  <th scope="col">Før</th>
                  <th scope="col">Efter</th>
                </tr>
              </thead>
              <tbody>
                {h.changes.map((c) => (
                  <tr>
                    <th scope="row">{c.label}</th>
                    <td>{c.before}</td>
                    <td>{c.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </li>
      ))}
    </ul>
  );

/** The tariff published for this year: its average and each level's price per unit. */
const Tariff: FC<{ year: number; tariff: PublishedTariff | null }> = ({ year, tariff }) => {
  if (!tariff) return <p>Der er ikke offentliggjort en takst for {year}.</p>;
  const unit = TARIFF_UNIT_LABELS[tariff.unit as keyof typeof TARIFF_UNIT_LABELS] ?? tariff.unit;
  return (
    <DescriptionList
      items={[
        ['Gennemsnitlig takst', `${formatMoney(tariff.averageTariff)} pr. ${unit}`],
        ...tariff.levels.map((l): [string, string] => [l.name, `${formatMoney(l.tariff)} pr. ${unit}`]),
        ['Offentliggjort', formatDate(tariff.publishedAt)],
      ]}
    />
  );
};

export const OfferingPage: FC<{ view: OfferingView }> = ({ view: { offering: o, actions, history, tariffYear, tariff, outcome, notice } }) => (
  <>
    {notice && <Alert kind="success">{notice}</Alert>}
    <h1>{o.offering_name}</h1>
    <p>
      {o.offering_type_name} · {o.municipality_name} · {STATUS_LABELS[o.status]}
    </p>
    {actions.canEdit && (
      <div class="ramme-actions">
        <a class="button button-primary" href={`/tilbud/${o.offering_id}/rediger`}>
          Redigér tilbud
        </a>
        {actions.canClose && (
          <a class="button button-secondary" href={`/tilbud/${o.offering_id}/luk`}>
            Luk eller afvikl tilbud
          </a>
        )}
      </div>
    )}
    <p>
      <a href={`/takster/tilbud/${o.offering_id}`}>Se tilbuddets takster og beregninger</a>
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
        ['Øvrige lovgrundlag', o.extra_legal_basis_list.map((l) => `${l.law} ${l.paragraph}: ${l.title}`).join('; ')],
        ['Målgrupper', o.target_group_list.map((t) => t.name).join(', ')],
        ['Tilbudstype', o.offering_type_name],
      ]}
    />
    <h2>Takst {tariffYear}</h2>
    <Tariff year={tariffYear} tariff={tariff} />
    <h2>Resultater ved siden af prisen</h2>
    <p class="form-hint">
      Fra opfølgningerne på tilbuddets kontrakter: andelen af borgere, hvis funktionsevne er blevet bedre inden for 12 måneder fra start, og mediantiden fra
      start til nedtrapning til et mindre indgribende tilbud. Tallene vises kun, når der er nok borgere bag dem.
    </p>
    <OutcomeSummary outcome={outcome} />
    <h2>Pladser og status</h2>
    <DescriptionList
      items={[
        ['Normerede pladser', formatNumber(o.places)],
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
    <History history={history} />
    {actions.canEdit && (
      <p>
        <a href={`/api/offerings/${o.offering_id}`}>Se tilbuddet som JSON (til integrationer)</a>
      </p>
    )}
  </>
);
