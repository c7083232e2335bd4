/**
 * @module The joint principles matrix: commitments × members with colour and text and totals per row and
 * column, its Excel export, and the form where a member reports its own status per commitment. View models
 * come from matrix.service.ts.
 */
import type { PageOptions } from '../../core/http/app.js';
import { count, formatDate } from '../../core/format.js';
import { CsrfField, ErrorSummary, Field, Select } from '../../core/web/components.js';
import { NOT_SET } from '../logic.js';
import type { MatrixView, StatusForm } from '../matrix.service.js';
import { SubNav, Styles, Tag, agreementUrl, blankForm, crumbs, pct, str, type FormState } from './shared.js';

/** One symbol per status: the matrix cells show the symbol on its colour (the legend names it; screen readers hear the label). */
const SYMBOL: Record<string, string> = {
  implementeret: '✓',
  i_gang: '◐',
  ikke_startet: '✗',
  ikke_relevant: '–',
  [NOT_SET]: '?',
};
const FILL: Record<string, string> = { ok: 'FFE0F2E9', warn: 'FFFFF4D6', bad: 'FFFDE7E9', neutral: 'FFF0F0F0', none: 'FFFFFFFF' };

const MatrixTable = ({ vm }: { vm: MatrixView }) => {
  const { members, matrix: m, label, tone } = vm;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a keyboard-scrollable table wrapper is a named region, not a page section
    <div class="ramme-table-wrap ramme-matrix-wide" tabindex={0} role="region" aria-labelledby="matrix-caption">
      <table class="table table--compact ramme-matrix">
        <caption id="matrix-caption">Tilsagn × medlemmer: status og antal implementeret</caption>
        <thead>
          <tr>
            <th scope="col" class="ramme-sticky-start">
              Tilsagn
            </th>
            {members.map((x) => (
              <th scope="col" class="ramme-member">
                <abbr title={x.name}>{x.shortName}</abbr>
              </th>
            ))}
            <th scope="col" class="ramme-sticky-end">
              Implementeret
            </th>
          </tr>
        </thead>
        {vm.principles.map((p) => (
          <tbody>
            <tr>
              <th scope="rowgroup" colspan={members.length + 2}>
                Princip {p.number}: {p.title}
              </th>
            </tr>
            {p.commitments.map((c) => {
              const t = m.rows.get(c.id)!;
              return (
                <tr>
                  <th scope="row" class="ramme-sticky-start">
                    {p.number}.{c.number} {c.text}
                    {c.scope_note ? ` (${c.scope_note})` : ''}
                  </th>
                  {members.map((x) => {
                    const s = m.cell(c.id, x.id);
                    return (
                      <td class={`ramme-cell ramme-tone-${tone(s)}`}>
                        <span aria-hidden="true">{SYMBOL[s] ?? s}</span>
                        <span class="sr-only">{label(s)}</span>
                      </td>
                    );
                  })}
                  <td class="ramme-num ramme-sticky-end">{`${t.implemented} af ${t.relevant} (${pct(t.share)})`}</td>
                </tr>
              );
            })}
          </tbody>
        ))}
        <tfoot>
          <tr>
            <th scope="row" class="ramme-sticky-start">
              Implementeret pr. medlem
            </th>
            {members.map((x) => {
              const t = m.columns.get(x.id)!;
              return <td class="ramme-num ramme-member-total">{`${t.implemented}/${t.relevant}`}</td>;
            })}
            <td class="ramme-num ramme-sticky-end">
              <strong>{`${m.overall.implemented} af ${m.overall.relevant} (${pct(m.overall.share)})`}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
};

/** The same statuses per member, for narrow screens: one member at a time, each commitment with its status in words. */
const PerMember = ({ vm }: { vm: MatrixView }) => {
  const { members, rows, matrix: m, label, tone } = vm;
  return (
    <section class="ramme-matrix-narrow" aria-labelledby="pr-medlem-h">
      <h2 id="pr-medlem-h">Status pr. medlem</h2>
      {members.map((x) => {
        const t = m.columns.get(x.id)!;
        return (
          <details>
            <summary>{`${x.name}: ${t.implemented} af ${t.relevant} implementeret (${pct(t.share)})`}</summary>
            <ul class="nobullet-list">
              {rows.map((r) => {
                const st = m.cell(r.id, x.id);
                return (
                  <li>
                    <Tag tone={tone(st)}>{`${SYMBOL[st] ?? ''} ${label(st)}`}</Tag> {r.code} {r.text}
                  </li>
                );
              })}
            </ul>
          </details>
        );
      })}
      <p>
        <strong>{`I alt ${m.overall.implemented} af ${m.overall.relevant} relevante tilsagn implementeret (${pct(m.overall.share)}).`}</strong>
      </p>
    </section>
  );
};

export function matrixPage(vm: MatrixView): PageOptions {
  const { agreement: a, members, matrix: m } = vm;
  return {
    title: `Principper – ${a.title}`,
    breadcrumbs: crumbs(a, 'Principper'),
    body: (
      <>
        <Styles />
        <h1>Fælleskommunale principper</h1>
        <SubNav agreement={a} current="/principper" />
        {vm.rows.length === 0 ? (
          <>
            <p class="font-lead">
              {vm.principles.length === 0 ? 'Aftalen har endnu ingen fælleskommunale principper.' : 'Aftalens principper har endnu ingen tilsagn.'} Når
              sekretariatet har tilføjet principper med tilsagn, melder hvert medlem sin status på dem her.
            </p>
            {vm.canEdit && (
              <p>
                <a class="button button-primary" href={agreementUrl(a.id, '/principper/ny')}>
                  Tilføj princip
                </a>
              </p>
            )}
          </>
        ) : (
          <>
            <p>
              Hvert medlem melder selv sin status på hvert tilsagn. {pct(m.overall.share)} af de relevante tilsagn er implementeret på tværs af{' '}
              {count(members.length, 'medlem', 'medlemmer')} ({m.overall.implemented} af {m.overall.relevant}).
            </p>
            <p class="ramme-actions">
              {vm.reportAs && (
                <a class="button button-primary" href={agreementUrl(a.id, '/principper/status')}>
                  Meld status for {vm.reportAs}
                </a>
              )}
              <a class="button button-secondary" href={agreementUrl(a.id, '/principper/matrix.xlsx')}>
                Hent matrixen som Excel
              </a>
            </p>
            <h2>Forklaring</h2>
            <ul class="ramme-legend nobullet-list">
              {vm.statusCodes.map((s) => (
                <li>
                  <Tag tone={vm.tone(s)}>{SYMBOL[s] ?? s}</Tag> = {vm.label(s)}
                </li>
              ))}
            </ul>
            <MatrixTable vm={vm} />
            <PerMember vm={vm} />
          </>
        )}
      </>
    ),
  };
}

/** A 'YYYY-MM-DD' date as an Excel date cell (midnight UTC, so the day never shifts); null stays empty. */
const excelDate = (iso: string | null | undefined): Date | null => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** The matrix as a workbook: the matrix with colours and totals, and every member's status with its evidence. */
export async function matrixWorkbook(vm: MatrixView): Promise<Buffer> {
  const { members, rows, statuses, matrix: m, label, tone } = vm;
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ramme';
  const ws = wb.addWorksheet('Matrix', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  ws.addRow(['Tilsagn', ...members.map((x) => x.name), 'Implementeret', 'Relevante', 'Andel implementeret']);
  ws.getRow(1).font = { bold: true };
  const share = (s: string | null) => (s === null ? null : Number(s));
  for (const r of rows) {
    const t = m.rows.get(r.id)!;
    const row = ws.addRow([`${r.code} ${r.text}`, ...members.map((x) => label(m.cell(r.id, x.id))), t.implemented, t.relevant, share(t.share)]);
    members.forEach((x, i) => {
      row.getCell(i + 2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[tone(m.cell(r.id, x.id))] ?? FILL.none! } };
    });
    row.getCell(members.length + 4).numFmt = '0%';
  }
  const perMember = members.map((x) => `${m.columns.get(x.id)!.implemented}/${m.columns.get(x.id)!.relevant}`);
  const total = ws.addRow(['Implementeret pr. medlem', ...perMember, m.overall.implemented, m.overall.relevant, share(m.overall.share)]);
  total.font = { bold: true };
  total.getCell(members.length + 4).numFmt = '0%';
  ws.getColumn(1).width = 60;
  const detail = wb.addWorksheet('Status pr. medlem');
  detail.addRow(['Tilsagn', 'Afgrænsning', 'Gælder fra', 'Medlem', 'Status', 'Dato', 'Dokumentation', 'Statuskode']);
  detail.getRow(1).font = { bold: true };
  for (const r of rows) {
    for (const x of members) {
      const s = statuses.find((y) => y.commitment_id === r.id && y.organisation_id === x.id);
      const code = s?.status ?? NOT_SET;
      detail.addRow([
        `${r.code} ${r.text}`,
        r.scope_note ?? '',
        excelDate(r.applies_from),
        x.name,
        label(code),
        excelDate(s?.status_date),
        s?.evidence ?? '',
        code,
      ]);
    }
  }
  // Dates are real date cells (Excel sorts and filters them), shown the Danish way.
  for (const col of [3, 6]) detail.getColumn(col).numFmt = 'dd-mm-yyyy';
  detail.getColumn(1).width = 60;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function statusPage(vm: StatusForm, csrf: string, form: FormState = blankForm): PageOptions {
  const { agreement: a } = vm;
  const labels: Record<string, string> = {};
  for (const p of vm.principles) {
    for (const c of p.commitments) {
      labels[`status_${c.id}`] = `Status for ${p.number}.${c.number}`;
      labels[`date_${c.id}`] = `Dato for ${p.number}.${c.number}`;
    }
  }
  return {
    title: `Meld status – ${a.title}`,
    status: form.errors ? 400 : undefined,
    breadcrumbs: crumbs(a, 'Meld status', { href: agreementUrl(a.id, '/principper'), label: 'Principper' }),
    body: (
      <>
        <Styles />
        <h1>Meld status for {vm.organisationName}</h1>
        {vm.principles.every((p) => p.commitments.length === 0) ? (
          <p class="font-lead">
            Aftalen har endnu ingen tilsagn at melde status på. Når sekretariatet har tilføjet principper med tilsagn, melder du status her.{' '}
            <a href={agreementUrl(a.id, '/principper')}>Tilbage til principperne</a>
          </p>
        ) : (
          <StatusFields vm={vm} csrf={csrf} form={form} labels={labels} />
        )}
      </>
    ),
  };
}

const StatusFields = ({ vm, csrf, form, labels }: { vm: StatusForm; csrf: string; form: FormState; labels: Record<string, string> }) => {
  const { agreement: a } = vm;
  const isResubmit = Object.keys(form.values).length > 0;
  return (
    <>
      <p>Vælg status for hvert tilsagn, datoen for status og evt. dokumentation. Tilsagn uden valgt status ændres ikke.</p>
      <ErrorSummary errors={form.errors} labels={labels} />
      <form method="post" action={agreementUrl(a.id, '/principper/status')}>
        <CsrfField token={csrf} />
        {vm.principles.map((p) => (
          <fieldset>
            <legend class="h3">
              Princip {p.number}: {p.title}
            </legend>
            {p.commitments.map((c) => {
              const cur = vm.own.get(c.id);
              const v = (k: string, fallback: unknown) => (isResubmit ? form.values[`${k}_${c.id}`] : fallback);
              const code = `${p.number}.${c.number}`;
              return (
                <div class="ramme-side-item" style="margin-bottom:2rem">
                  <h3 class="h5">
                    {code} {c.text}
                  </h3>
                  <p class="form-hint">{[c.scope_note, `gælder fra ${formatDate(c.applies_from)}`].filter(Boolean).join(' · ')}</p>
                  <Select
                    name={`status_${c.id}`}
                    label={`Status for ${code}`}
                    value={str(v('status', cur?.status))}
                    emptyLabel="Ikke angivet"
                    options={vm.statusOptions}
                    errors={form.errors}
                  />
                  <Field name={`date_${c.id}`} label={`Dato for ${code}`} type="date" value={str(v('date', cur?.status_date ?? ''))} errors={form.errors} />
                  <Field
                    name={`evidence_${c.id}`}
                    label={`Dokumentation for ${code}`}
                    value={str(v('evidence', cur?.evidence ?? ''))}
                    errors={form.errors}
                    maxlength={2000}
                  />
                </div>
              );
            })}
          </fieldset>
        ))}
        <button type="submit" class="button button-primary">
          Gem status
        </button>
      </form>
    </>
  );
};
