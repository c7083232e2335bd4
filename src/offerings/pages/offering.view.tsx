/**
 * @module One offering's page: master data, legal bases and target groups, places and status, contact,
 * its latest changes, and the actions the actor may take.
 */
import type { FC } from 'hono/jsx';
import { formatDate, formatDateTime, formatNumber } from '../../core/format.js';
import { Alert, DescriptionList } from '../../core/web/components.js';
import type { OfferingDetail } from '../offerings.service.js';
import { PROTECTION_LABELS, STATUS_LABELS } from '../offerings.table.js';

export type OfferingView = {
  offering: OfferingDetail;
  actions: { canEdit: boolean; canClose: boolean };
  history: Array<{ at: Date; actor_username: string; action: string }>;
  /** Confirmation after a redirect (created, saved). */
  notice: string | null;
};

const ACTION_WORDS: Record<string, string> = { create: 'oprettet', update: 'ændret' };

const History: FC<{ history: OfferingView['history'] }> = ({ history }) =>
  history.length === 0 ? (
    <p>Ingen registrerede ændringer.</p>
  ) : (
    <ul>
      {history.map((h) => (
        <li>
          {formatDateTime(h.at)}: {ACTION_WORDS[h.action] ?? 'slettet'} af {h.actor_username}
        </li>
      ))}
    </ul>
  );

export const OfferingPage: FC<{ view: OfferingView }> = ({ view: { offering: o, actions, history, notice } }) => (
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
    <p>
      <a href={`/api/offerings/${o.offering_id}`}>Se tilbuddet som JSON</a>
    </p>
  </>
);
