/**
 * @module Pieces the analysis pages share: the group/area/municipality choice of the GET forms, the list of
 * series a page is built on (table, download date, unit, source), and links that keep the choice.
 */
import type { FC } from 'hono/jsx';
import { formatDate } from '../../core/format.js';
import { Select } from '../../core/web/components.js';

export type SeriesInfo = { table_id: string; kind: string; unit: string; source: string; downloaded_on: string; is_demo: boolean };
const KIND: Record<string, string> = { population: 'Befolkning', projection: 'Befolkningsfremskrivning', recipients: 'Modtagere', spending: 'Nettoudgifter' };

/** A query string of the non-empty values (arrays as repeated keys). */
export function queryOf(values: Record<string, string | number | null | undefined | (string | number)[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v === null || v === undefined || v === '') continue;
    for (const x of ([] as (string | number)[]).concat(v)) p.append(k, String(x));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

export const ScopeFields: FC<{
  groups: { code: string; name: string }[];
  group: string;
  areas: { code: string; name: string }[];
  area: string;
  municipalities: { code: number; name: string }[];
  municipality: number | null;
  municipalityLabel?: string;
}> = (p) => (
  <>
    <Select name="group" label="Målgruppe" options={p.groups.map((g) => ({ value: g.code, label: g.name }))} value={p.group} />
    <Select name="area" label="Rammeaftaleområde" options={p.areas.map((a) => ({ value: a.code, label: a.name }))} value={p.area} />
    {p.municipalities.length > 0 && (
      <Select
        name="municipality"
        label={p.municipalityLabel ?? 'Kommune'}
        options={p.municipalities.map((m) => ({ value: String(m.code), label: m.name }))}
        value={p.municipality === null ? '' : String(p.municipality)}
      />
    )}
  </>
);

export const YearSelect: FC<{ name: string; label: string; years: number[]; value: number | null }> = (p) => (
  <Select
    name={p.name}
    label={p.label}
    options={p.years.map((y) => ({ value: String(y), label: String(y) }))}
    value={p.value === null ? '' : String(p.value)}
  />
);

export const SeriesSources: FC<{ series: SeriesInfo[]; kinds?: string[] }> = ({ series, kinds }) => {
  const shown = series.filter((s) => !kinds || kinds.includes(s.kind));
  return (
    <>
      <h2>Kilder</h2>
      {shown.length === 0 ? (
        <p>
          Der er ikke indlæst data endnu. Sekretariatet kan indlæse tabeller fra Statistikbanken under <a href="/analyse/data">Data</a>.
        </p>
      ) : (
        <ul>
          {shown.map((s) => (
            <li>
              {KIND[s.kind] ?? s.kind}: {s.source}, tabel {s.table_id}, hentet {formatDate(s.downloaded_on)}, enhed {s.unit}
              {s.is_demo ? ' — demodata, ikke rigtige tal' : ''}.
            </li>
          ))}
        </ul>
      )}
    </>
  );
};

export const AnalysisNav: FC<{ current: string }> = ({ current }) => {
  const items = [
    ['/analyse/benchmark', 'Benchmark'],
    ['/analyse/vaekst', 'Hvorfor vokser udgiften?'],
    ['/analyse/prognose', 'Prognose'],
    ['/analyse/kapacitet', 'Kapacitet'],
    ['/analyse/redegoerelse', 'Redegørelser'],
    ['/analyse/data', 'Data'],
  ] as const;
  return (
    <nav aria-label="Analyse" class="ramme-actions">
      {items.map(([href, label]) => (href === current ? <strong aria-current="page">{label}</strong> : <a href={href}>{label}</a>))}
    </nav>
  );
};
