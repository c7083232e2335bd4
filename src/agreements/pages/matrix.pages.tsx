/**
 * @module The joint principles matrix: commitments × members with colour and text, totals per row and column,
 * an Excel export, and the form where a member reports its own status per commitment.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import ExcelJS from 'exceljs';
import type { AppContext } from '../../core/capability.js';
import type { PageOptions } from '../../core/http/app.js';
import { today } from '../../core/auth/auth.service.js';
import type { FieldErrors } from '../../core/errors.js';
import { badRequest, forbidden } from '../../core/errors.js';
import { CsrfField, ErrorSummary, Field, Select, formatDate } from '../../core/web/components.js';
import { canActForOrganisation, requireRead } from '../access.js';
import { agreementMembers, allVocabulary, commitmentStatuses, getAgreement, loadContent, type AgreementRow } from '../agreements.repo.js';
import { setCommitmentStatuses } from '../content.service.js';
import { NOT_SET, formatCount, rollupMatrix } from '../logic.js';
import { SubNav, Styles, Tag, agreementUrl, body, crumbs, idParam, pct, str, submit } from './shared.js';

const SYMBOL: Record<string, string> = { implementeret: '✓ Impl.', i_gang: '◐ I gang', ikke_startet: '✗ Ikke st.', ikke_relevant: '– Ikke rel.', [NOT_SET]: '? Mangler' };
const FILL: Record<string, string> = { ok: 'FFE0F2E9', warn: 'FFFFF4D6', bad: 'FFFDE7E9', neutral: 'FFF0F0F0', none: 'FFFFFFFF' };

async function matrixData(db: AppContext['db'], a: AgreementRow) {
  const [vocab, members, content, statuses] = await Promise.all([allVocabulary(db), agreementMembers(db, a), loadContent(db, a.id), commitmentStatuses(db, a.id)]);
  const rows = content.principles.flatMap((p) => p.commitments.map((c) => ({ ...c, code: `${p.number}.${c.number}`, principle: p })));
  const m = rollupMatrix(rows.map((r) => r.id), members.map((x) => x.id), statuses, vocab.codes('tilsagnsstatus'));
  const label = (s: string) => (s === NOT_SET ? 'Ikke angivet' : vocab.label('tilsagnsstatus', s));
  const tone = (s: string) => (s === NOT_SET ? 'none' : vocab.tone('tilsagnsstatus', s));
  return { vocab, members, content, statuses, rows, m, label, tone };
}

export function matrixPages(app: FastifyInstance, { db }: AppContext) {
  app.get('/aftaler/:id/principper', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    requireRead(req.actor, a);
    const { vocab, members, content, m, label, tone } = await matrixData(db, a);
    const isMember = canActForOrganisation(req.actor) && members.some((x) => x.id === req.actor!.organisationId);
    return reply.page({
      title: `Principper – ${a.title}`,
      breadcrumbs: crumbs(a, 'Principper'),
      body: (
        <>
          <Styles />
          <h1>Fælleskommunale principper</h1>
          <SubNav agreement={a} current="/principper" />
          <p>
            Hvert medlem melder selv sin status på hvert tilsagn. {pct(m.overall.share)} af de relevante tilsagn er implementeret på tværs af {formatCount(members.length, 'medlem', 'medlemmer')} ({m.overall.implemented} af {m.overall.relevant}).
          </p>
          <p class="ramme-actions">
            {isMember && <a class="button button-primary" href={agreementUrl(a.id, '/principper/status')}>Meld status for {req.actor!.organisationName}</a>}
            <a class="button button-secondary" href={agreementUrl(a.id, '/principper/matrix.xlsx')}>Hent matrixen som Excel</a>
          </p>
          <h2>Forklaring</h2>
          <ul class="ramme-legend nobullet-list">
            {[...vocab.codes('tilsagnsstatus'), NOT_SET].map((s) => (
              <li><Tag tone={tone(s)}>{SYMBOL[s] ?? s}</Tag> = {label(s)}</li>
            ))}
          </ul>
          {content.principles.length === 0 ? <p>Aftalen har ingen fælleskommunale principper.</p> : (
            <div class="ramme-table-wrap" tabindex={0} role="region" aria-labelledby="matrix-caption">
              <table class="table table--compact ramme-matrix">
                <caption id="matrix-caption">Tilsagn × medlemmer: status og antal implementeret</caption>
                <thead>
                  <tr>
                    <th scope="col">Tilsagn</th>
                    {members.map((x) => <th scope="col"><abbr title={x.name}>{x.shortName}</abbr></th>)}
                    <th scope="col">Implementeret</th>
                  </tr>
                </thead>
                {content.principles.map((p) => (
                  <tbody>
                    <tr><th scope="rowgroup" colspan={members.length + 2}>Princip {p.number}: {p.title}</th></tr>
                    {p.commitments.map((c) => {
                      const t = m.rows.get(c.id)!;
                      return (
                        <tr>
                          <th scope="row">{p.number}.{c.number} {c.text}{c.scope_note ? ` (${c.scope_note})` : ''}</th>
                          {members.map((x) => {
                            const s = m.cell(c.id, x.id);
                            return (
                              <td class={`ramme-cell ramme-tone-${tone(s)}`}>
                                <span aria-hidden="true">{SYMBOL[s] ?? s}</span>
                                <span class="sr-only">{label(s)}</span>
                              </td>
                            );
                          })}
                          <td class="ramme-num">{`${t.implemented} af ${t.relevant} (${pct(t.share)})`}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                ))}
                <tfoot>
                  <tr>
                    <th scope="row">Implementeret pr. medlem</th>
                    {members.map((x) => { const t = m.columns.get(x.id)!; return <td class="ramme-num">{`${t.implemented}/${t.relevant}`}</td>; })}
                    <td class="ramme-num"><strong>{`${m.overall.implemented} af ${m.overall.relevant} (${pct(m.overall.share)})`}</strong></td>
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
        </>
      ),
    });
  });

  app.get('/aftaler/:id/principper/matrix.xlsx', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    requireRead(req.actor, a);
    const { members, rows, statuses, m, label, tone } = await matrixData(db, a);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Ramme';
    const ws = wb.addWorksheet('Matrix', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
    ws.addRow(['Tilsagn', ...members.map((x) => x.name), 'Implementeret', 'Relevante', 'Andel implementeret']);
    ws.getRow(1).font = { bold: true };
    for (const r of rows) {
      const t = m.rows.get(r.id)!;
      const row = ws.addRow([`${r.code} ${r.text}`, ...members.map((x) => label(m.cell(r.id, x.id))), t.implemented, t.relevant, t.share]);
      members.forEach((x, i) => {
        row.getCell(i + 2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[tone(m.cell(r.id, x.id))] ?? FILL.none! } };
      });
      row.getCell(members.length + 4).numFmt = '0%';
    }
    const total = ws.addRow(['Implementeret pr. medlem', ...members.map((x) => `${m.columns.get(x.id)!.implemented}/${m.columns.get(x.id)!.relevant}`), m.overall.implemented, m.overall.relevant, m.overall.share]);
    total.font = { bold: true };
    total.getCell(members.length + 4).numFmt = '0%';
    ws.getColumn(1).width = 60;
    const detail = wb.addWorksheet('Status pr. medlem');
    detail.addRow(['Tilsagn', 'Afgrænsning', 'Gælder fra', 'Medlem', 'Status', 'Dato', 'Dokumentation']);
    detail.getRow(1).font = { bold: true };
    for (const r of rows) {
      for (const x of members) {
        const s = statuses.find((y) => y.commitment_id === r.id && y.organisation_id === x.id);
        detail.addRow([`${r.code} ${r.text}`, r.scope_note ?? '', r.applies_from, x.name, label(s?.status ?? NOT_SET), s?.status_date ?? '', s?.evidence ?? '']);
      }
    }
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="principper-${a.id}-${today()}.xlsx"`)
      .send(buffer);
  });

  const statusPage = async (req: FastifyRequest, a: AgreementRow, values?: Record<string, unknown>, errors?: FieldErrors): Promise<PageOptions> => {
    const actor = req.actor;
    const { vocab, members, content, statuses } = await matrixData(db, a);
    if (!canActForOrganisation(actor) || !members.some((x) => x.id === actor.organisationId)) throw forbidden('Kun aftalens medlemmer melder status på tilsagn – hver for sin egen organisation.');
    const own = new Map(statuses.filter((s) => s.organisation_id === actor.organisationId).map((s) => [s.commitment_id, s]));
    const labels: Record<string, string> = {};
    for (const p of content.principles) for (const c of p.commitments) {
      labels[`status_${c.id}`] = `Status for ${p.number}.${c.number}`;
      labels[`date_${c.id}`] = `Dato for ${p.number}.${c.number}`;
    }
    return {
      title: `Meld status – ${a.title}`,
      status: errors ? 400 : undefined,
      breadcrumbs: crumbs(a, 'Meld status', { href: agreementUrl(a.id, '/principper'), label: 'Principper' }),
      body: (
        <>
          <Styles />
          <h1>Meld status for {actor.organisationName}</h1>
          <p>Vælg status for hvert tilsagn, datoen for status og evt. dokumentation. Tilsagn uden valgt status ændres ikke.</p>
          <ErrorSummary errors={errors} labels={labels} />
          <form method="post" action={agreementUrl(a.id, '/principper/status')}>
            <CsrfField token={req.csrf} />
            {content.principles.map((p) => (
              <fieldset>
                <legend class="h3">Princip {p.number}: {p.title}</legend>
                {p.commitments.map((c) => {
                  const cur = own.get(c.id);
                  const v = (k: string, fallback: unknown) => (values ? values[`${k}_${c.id}`] : fallback);
                  return (
                    <div class="ramme-side-item" style="margin-bottom:2rem">
                      <h3 class="h5">{p.number}.{c.number} {c.text}</h3>
                      <p class="form-hint">{[c.scope_note, `gælder fra ${formatDate(c.applies_from)}`].filter(Boolean).join(' · ')}</p>
                      <Select name={`status_${c.id}`} label={`Status for ${p.number}.${c.number}`} value={str(v('status', cur?.status))} emptyLabel="Ikke angivet" options={vocab.list('tilsagnsstatus').map((s) => ({ value: s.code, label: s.label }))} errors={errors} />
                      <Field name={`date_${c.id}`} label={`Dato for ${p.number}.${c.number}`} type="date" value={str(v('date', cur?.status_date ?? ''))} errors={errors} />
                      <Field name={`evidence_${c.id}`} label={`Dokumentation for ${p.number}.${c.number}`} value={str(v('evidence', cur?.evidence ?? ''))} errors={errors} maxlength={2000} />
                    </div>
                  );
                })}
              </fieldset>
            ))}
            <button type="submit" class="button button-primary">Gem status</button>
          </form>
        </>
      ),
    };
  };
  app.get('/aftaler/:id/principper/status', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    requireRead(req.actor, a);
    return reply.page(await statusPage(req, a));
  });
  app.post('/aftaler/:id/principper/status', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    const b = body(req);
    const items = Object.keys(b)
      .filter((k) => /^status_\d+$/.test(k))
      .map((k) => {
        const id = Number(k.slice(7));
        return { commitment_id: id, status: str(b[k]).trim(), status_date: str(b[`date_${id}`]).trim() || null, evidence: str(b[`evidence_${id}`]).trim() || null };
      });
    const bad = items.filter((i) => i.status_date && !/^\d{4}-\d{2}-\d{2}$/.test(i.status_date));
    return submit(
      reply,
      async () => {
        if (bad.length) throw badRequest('Oplysningerne er ikke gyldige.', Object.fromEntries(bad.map((i) => [`date_${i.commitment_id}`, ['Skal være en dato (åååå-mm-dd).']])));
        await setCommitmentStatuses(db, req.actor, a.id, req.actor?.organisationId ?? -1, items);
        return agreementUrl(a.id, '/principper');
      },
      async (errors) => reply.page(await statusPage(req, a, b, errors)),
    );
  });
}
