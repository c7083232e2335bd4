/**
 * @module The register's list page: filters (a GET form that works without JavaScript), sortable columns,
 * pages, export links, and the actions the actor may start.
 */
import type { FC } from 'hono/jsx';
import { formatDate, formatMoney, formatNumber } from '../../core/format.js';
import { TARIFF_UNIT_LABELS, type PublishedTariff } from '../../tariffs/tariffs.public.js';
import { Alert, CheckboxGroup, Field, type Option, Pagination, Select } from '../../core/web/components.js';
import type { TListQuery } from '../offerings.schema.js';
import type { OfferingListRow, ReferenceLists } from '../offerings.service.js';
import { OFFERING_STATUSES, STATUS_LABELS } from '../offerings.table.js';

/** Query string for the list, without empty or default values (page links, export links, sorting); several values repeat the parameter. */
export function listHref(base: string, f: Partial<TListQuery>, change: Partial<TListQuery> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...change })) {
    if (v === undefined || v === null || v === '') continue;
    if ((k === 'page' && v === 1) || (k === 'pageSize' && v === 25) || (k === 'sort' && v === 'name') || (k === 'dir' && v === 'asc')) continue;
    for (const one of Array.isArray(v) ? v : [v]) p.append(k, String(one));
  }
  const s = p.toString();
  return s ? `${base}?${s}` : base;
}

export type ListView = {
  query: TListQuery;
  /** Filters that could not be read and were dropped. */
  problems: string[];
  total: number;
  page: number;
  pageCount: number;
  rows: OfferingListRow[];
  /** The published tariff of the year for each offering shown (absent: none published). */
  tariffYear: number;
  tariffs: Map<number, PublishedTariff>;
  refs: ReferenceLists;
  actions: { canCreate: boolean; canImport: boolean };
  /** The actor's organisation, offered as a shortcut filter when it runs offerings. */
  own: { organisationId: number; organisationName: string; isSecretariat: boolean };
};

const SortHeader: FC<{ f: TListQuery; column: TListQuery['sort']; label: string }> = ({ f, column, label }) => {
  const active = f.sort === column;
  const nextDir = active && f.dir === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={active ? (f.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <a href={listHref('/tilbud', f, { sort: column, dir: nextDir, page: 1 })}>
        {label}
        {active ? (f.dir === 'asc' ? ' ▲' : ' ▼') : ''}
        <span class="sr-only">{active ? ` (sorteret ${f.dir === 'asc' ? 'stigende' : 'faldende'})` : ' (sortér)'}</span>
      </a>
    </th>
  );
};

/** A filter that takes several values: a fold-out list of checkboxes, open while something is chosen. */
const MultiFilter: FC<{ name: string; label: string; legend: string; options: Option[]; values?: string[] }> = (p) => {
  const n = p.values?.length ?? 0;
  return (
    <details class="ramme-multi" open={n > 0}>
      <summary>
        {p.label}
        {n > 0 ? ` (${n} valgt)` : ''}
      </summary>
      <CheckboxGroup name={p.name} legend={p.legend} options={p.options} values={p.values} />
    </details>
  );
};

/** The filters: a GET form sent only with its button, so moving through a list with the keyboard never reloads the page (WCAG 3.2.2). */
const Filters: FC<{ f: TListQuery; refs: ReferenceLists }> = ({ f, refs }) => (
  <form method="get" action="/tilbud" aria-label="Filtrér tilbud">
    {f.operator && <input type="hidden" name="operator" value={String(f.operator)} />}
    <div class="ramme-filters">
      <div class="ramme-filters__wide">
        <Field name="q" label="Søg i navn, beskrivelse, adresse og by" type="search" value={f.q} />
      </div>
      <Select name="area" label="Rammeaftale" value={f.area} emptyLabel="Alle" options={refs.areas.map((a) => ({ value: a.code, label: a.name }))} />
      <Select
        name="municipality"
        label="Kommune"
        value={f.municipality ? String(f.municipality) : ''}
        emptyLabel="Alle"
        options={refs.municipalities.map((m) => ({ value: String(m.code), label: m.name }))}
      />
      <Select
        name="operatorType"
        label="Driftsform"
        value={f.operatorType}
        emptyLabel="Alle"
        options={refs.operatorTypes.map((o) => ({ value: o.code, label: o.name }))}
      />
      <Select name="status" label="Status" value={f.status} emptyLabel="Alle" options={OFFERING_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
      <Field name="age" label="Borgerens alder (år)" type="number" inputmode="numeric" min={0} max={120} value={f.age} />
    </div>
    <div class="ramme-multi-filters">
      <MultiFilter
        name="legalBasis"
        label="Lovgrundlag"
        legend="Vælg et eller flere lovgrundlag"
        values={f.legalBasis}
        options={refs.legalBases.map((l) => ({ value: l.code, label: `${l.law} ${l.paragraph}: ${l.title}` }))}
      />
      <MultiFilter
        name="targetGroup"
        label="Målgruppe"
        legend="Vælg en eller flere målgrupper"
        values={f.targetGroup}
        options={refs.targetGroups.map((t) => ({ value: t.code, label: t.parent_code ? t.name : `${t.name} (alle undergrupper)` }))}
      />
      <MultiFilter
        name="offeringType"
        label="Tilbudstype"
        legend="Vælg en eller flere tilbudstyper"
        values={f.offeringType}
        options={refs.offeringTypes.map((o) => ({ value: o.code, label: o.name }))}
      />
    </div>
    <input type="hidden" name="sort" value={f.sort} />
    <input type="hidden" name="dir" value={f.dir} />
    <div class="ramme-actions">
      <button type="submit" class="button button-primary">
        Vis tilbud
      </button>
      <a href="/tilbud">Nulstil filtre</a>
    </div>
  </form>
);

/** A published tariff in a cell: the average price per unit, or that none is published. */
export const TariffCell: FC<{ tariff: PublishedTariff | undefined }> = ({ tariff }) =>
  tariff ? (
    <>
      {formatMoney(tariff.averageTariff)}
      <br />
      <small>pr. {TARIFF_UNIT_LABELS[tariff.unit as keyof typeof TARIFF_UNIT_LABELS] ?? tariff.unit}</small>
    </>
  ) : (
    <small>Ikke offentliggjort</small>
  );

const OfferingTable: FC<{ f: TListQuery; page: number; rows: OfferingListRow[]; tariffYear: number; tariffs: Map<number, PublishedTariff> }> = ({
  f,
  page,
  rows,
  tariffYear,
  tariffs,
}) => (
  <div class="ramme-table-wrap" tabindex={0}>
    <table class="table table--zebra table--compact">
      <caption class="sr-only">Tilbud, side {page}</caption>
      <thead>
        <tr>
          <SortHeader f={f} column="name" label="Navn" />
          <SortHeader f={f} column="municipality" label="Kommune" />
          <th scope="col">Driftsherre</th>
          <th scope="col">Lovgrundlag</th>
          <th scope="col">Målgrupper</th>
          <SortHeader f={f} column="places" label="Pladser" />
          <th scope="col">Takst {tariffYear}</th>
          <SortHeader f={f} column="status" label="Status" />
          <SortHeader f={f} column="updated" label="Opdateret" />
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colspan={9}>Ingen tilbud matcher filtrene.</td>
          </tr>
        )}
        {rows.map((r) => (
          <tr>
            <td>
              <a href={`/tilbud/${r.offering_id}`}>{r.offering_name}</a>
            </td>
            <td>{r.municipality_name}</td>
            <td>
              {r.operator_name}
              <br />
              <small>{r.operator_type_name}</small>
            </td>
            <td>
              {r.legal_basis_law} {r.legal_basis_paragraph}
            </td>
            <td>{r.target_group_names}</td>
            <td class="ramme-num">{formatNumber(r.places)}</td>
            <td class="ramme-num">
              <TariffCell tariff={tariffs.get(r.offering_id)} />
            </td>
            <td>{STATUS_LABELS[r.status]}</td>
            <td>{formatDate(new Date(r.updated_at))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

export const ListPage: FC<{ view: ListView }> = ({ view: v }) => {
  const f = v.query;
  const withoutPaging = { ...f, page: undefined, pageSize: undefined };
  return (
    <>
      <h1>Tilbudsregister</h1>
      <p>Tilbud omfattet af rammeaftalerne: driftsherre, lovgrundlag, målgrupper, pladser og status.</p>
      {v.problems.length > 0 && (
        <Alert kind="warning" heading="Nogle filtre kunne ikke bruges">
          {v.problems.map((p) => (
            <p>{p}</p>
          ))}
        </Alert>
      )}
      {(v.actions.canCreate || v.actions.canImport) && (
        <div class="ramme-actions">
          {v.actions.canCreate && (
            <a class="button button-primary" href="/tilbud/ny">
              Opret tilbud
            </a>
          )}
          {v.actions.canImport && (
            <a class="button button-secondary" href="/tilbud/import">
              Importér fra CSV eller Excel
            </a>
          )}
        </div>
      )}
      {!v.own.isSecretariat && !f.operator && (
        <p>
          <a href={listHref('/tilbud', f, { operator: v.own.organisationId, page: 1 })}>Vis kun tilbud, som {v.own.organisationName} driver</a>
        </p>
      )}
      {f.operator && (
        <p>
          Viser kun tilbud med driftsherre nr. {f.operator}
          {f.operator === v.own.organisationId ? ` (${v.own.organisationName})` : ''}.{' '}
          <a href={listHref('/tilbud', { ...f, operator: undefined }, { page: 1 })}>Vis alle driftsherrer</a>
        </p>
      )}
      <Filters f={f} refs={v.refs} />
      <div class="ramme-actions">
        <a href={listHref('/tilbud/eksport.csv', withoutPaging)}>Hent listen som CSV</a>
        <a href={listHref('/tilbud/eksport.xlsx', withoutPaging)}>Hent listen som Excel</a>
      </div>
      <p role="status">{v.total === 1 ? '1 tilbud fundet.' : `${formatNumber(v.total)} tilbud fundet.`}</p>
      <OfferingTable f={f} page={v.page} rows={v.rows} tariffYear={v.tariffYear} tariffs={v.tariffs} />
      <Pagination page={v.page} pageCount={v.pageCount} total={v.total} totalShown hrefFor={(n) => listHref('/tilbud', f, { page: n })} />
    </>
  );
};
