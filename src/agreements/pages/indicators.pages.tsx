/**
 * @module Indicator pages: the value for the area and each member with the rows behind it (computed indicators),
 * the measurements series, and the forms to define an indicator and record a measurement (secretariat).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../core/capability.js';
import type { PageOptions } from '../../core/http/app.js';
import { notFound, type FieldErrors } from '../../core/errors.js';
import { CsrfField, DescriptionList, ErrorSummary, Field, Select, TextArea, formatDate } from '../../core/web/components.js';
import { requireRead, requireSecretariat } from '../access.js';
import { agreementMembers, getAgreement, type AgreementRow } from '../agreements.repo.js';
import { addMeasurement, saveIndicator } from '../content.service.js';
import { computations, computeIndicator } from '../indicator-values.js';
import { PROGRESS } from './content.pages.js';
import { SubNav, Styles, Tag, agreementUrl, body, canEdit, crumbs, idParam, str, submit, value } from './shared.js';

const LABELS: Record<string, string> = {
  objective_id: 'Målsætning', name: 'Navn', definition: 'Definition', unit: 'Enhed', direction: 'Retning', baseline_value: 'Udgangspunkt, værdi', baseline_date: 'Udgangspunkt, dato',
  target_value: 'Mål, værdi', target_date: 'Mål, dato', source: 'Kilde', measured_on: 'Dato', value: 'Værdi', organisation_id: 'Gælder', note: 'Note',
};

export function indicatorPages(app: FastifyInstance, { db }: AppContext) {
  const formFor = async (req: FastifyRequest, a: AgreementRow, heading: string, v: Record<string, unknown>, errors?: FieldErrors): Promise<PageOptions> => {
    const [objectives, comps] = await Promise.all([
      db
        .selectFrom('agreement_objective as o')
        .innerJoin('agreement_focus_area as f', 'f.id', 'o.focus_area_id')
        .select(['o.id', 'o.number', 'o.title', 'f.number as fa'])
        .where('f.agreement_id', '=', a.id)
        .orderBy('f.number')
        .orderBy('o.number')
        .execute(),
      computations(),
    ]);
    return {
      title: heading,
      status: errors ? 400 : undefined,
      breadcrumbs: crumbs(a, heading, { href: agreementUrl(a.id, '/indhold'), label: 'Indhold' }),
      body: (
        <>
          <h1>{heading}</h1>
          <ErrorSummary errors={errors} labels={LABELS} />
          <form method="post" action={req.url} class="col-12 col-lg-8" style="padding:0">
            <CsrfField token={req.csrf} />
            <Select name="objective_id" label="Målsætning" value={str(v.objective_id)} emptyLabel="Ingen (fx en indikator til et tilsagn)" options={objectives.map((o) => ({ value: String(o.id), label: `${o.fa}.${o.number} ${o.title}` }))} errors={errors} />
            <Field name="name" label="Navn" value={str(v.name)} errors={errors} required maxlength={300} />
            <TextArea name="definition" label="Definition" value={str(v.definition)} errors={errors} maxlength={4000} hint="Hvad tælles, og hvordan." />
            <Field name="unit" label="Enhed" value={str(v.unit)} errors={errors} required maxlength={60} hint="Fx %, antal, kr." />
            <Select name="direction" label="Retning" value={str(v.direction) || 'higher'} options={[{ value: 'higher', label: 'Højere er bedre' }, { value: 'lower', label: 'Lavere er bedre' }]} errors={errors} />
            <Field name="baseline_value" label="Udgangspunkt, værdi" inputmode="decimal" value={str(v.baseline_value)} errors={errors} />
            <Field name="baseline_date" label="Udgangspunkt, dato" type="date" value={str(v.baseline_date)} errors={errors} />
            <Field name="target_value" label="Mål, værdi" inputmode="decimal" value={str(v.target_value)} errors={errors} />
            <Field name="target_date" label="Mål, dato" type="date" value={str(v.target_date)} errors={errors} />
            <Select name="source" label="Kilde" value={str(v.source) || 'manual'} options={[{ value: 'manual', label: 'Manuel indtastning af målinger' }, ...[...comps.values()].map((c) => ({ value: c.code, label: `Beregnes af Ramme: ${c.name}` }))]} errors={errors} />
            <button type="submit" class="button button-primary">Gem indikatoren</button>
          </form>
        </>
      ),
    };
  };

  app.get('/aftaler/:id/indikatorer/ny', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    requireSecretariat(req.actor, a);
    return reply.page(await formFor(req, a, 'Tilføj indikator', {}));
  });
  app.post('/aftaler/:id/indikatorer/ny', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    return submit(reply, async () => agreementUrl(a.id, `/indikatorer/${await saveIndicator(db, req.actor, a.id, null, body(req))}`), async (errors) => reply.page(await formFor(req, a, 'Tilføj indikator', body(req), errors)));
  });
  app.get('/aftaler/:id/indikatorer/:iid/rediger', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    requireSecretariat(req.actor, a);
    const i = await db.selectFrom('agreement_indicator').selectAll().where('id', '=', idParam(req, 'iid')).where('agreement_id', '=', a.id).executeTakeFirst();
    if (!i) throw notFound('Indikatoren findes ikke.');
    return reply.page(await formFor(req, a, `Ret indikator: ${i.name}`, i));
  });
  app.post('/aftaler/:id/indikatorer/:iid/rediger', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    const iid = idParam(req, 'iid');
    return submit(reply, async () => (await saveIndicator(db, req.actor, a.id, iid, body(req)), agreementUrl(a.id, `/indikatorer/${iid}`)), async (errors) => reply.page(await formFor(req, a, 'Ret indikator', body(req), errors)));
  });

  const viewPage = async (req: FastifyRequest, a: AgreementRow, iid: number, mValues?: Record<string, unknown>, mErrors?: FieldErrors): Promise<PageOptions> => {
    const [v, members] = await Promise.all([computeIndicator(db, a, iid), agreementMembers(db, a)]);
    const i = v.indicator;
    const [label, tone] = PROGRESS[v.progress.state]!;
    const edit = canEdit(req, a);
    return {
      title: i.name,
      status: mErrors ? 400 : undefined,
      breadcrumbs: crumbs(a, i.name, { href: agreementUrl(a.id, '/indhold'), label: 'Indhold' }),
      body: (
        <>
          <Styles />
          <h1>{i.name}</h1>
          <SubNav agreement={a} current="/indhold" />
          <p>
            Seneste værdi for området: <strong>{value(v.latestValue, i.unit)}</strong> <Tag tone={tone}>{label}</Tag>
          </p>
          <DescriptionList
            items={[
              ['Definition', i.definition],
              ['Enhed', i.unit],
              ['Retning', i.direction === 'higher' ? 'Højere er bedre' : 'Lavere er bedre'],
              ['Udgangspunkt', i.baseline ? `${value(i.baseline.value, i.unit)} (${formatDate(i.baseline.date)})` : '–'],
              ['Mål', i.target ? `${value(i.target.value, i.unit)} senest ${formatDate(i.target.date)}` : '–'],
              ['Kilde', v.computed ? `Beregnes af Ramme: ${v.computed.name}` : i.source === 'manual' ? 'Manuel indtastning' : `Ukendt beregning (${i.source})`],
            ]}
          />
          {edit && <p><a href={agreementUrl(a.id, `/indikatorer/${i.id}/rediger`)}>Ret indikatoren</a></p>}
          {v.computed && (
            <section aria-labelledby="beregnet-h">
              <h2 id="beregnet-h">Beregnet {formatDate(v.computed.date)}</h2>
              <p>{v.computed.description}</p>
              <div class="ramme-table-wrap" tabindex={0} role="region" aria-label="Værdi pr. medlem">
                <table class="table table--compact">
                  <caption>Værdi for området og pr. medlem</caption>
                  <thead>
                    <tr><th scope="col">Medlem</th><th scope="col" class="ramme-num">Værdi</th><th scope="col" class="ramme-num">Tæller</th><th scope="col" class="ramme-num">Nævner</th></tr>
                  </thead>
                  <tbody>
                    <tr>
                      <th scope="row"><strong>Hele området</strong></th>
                      <td class="ramme-num"><strong>{value(v.computed.area.value, i.unit)}</strong></td>
                      <td class="ramme-num">{v.computed.area.numerator ?? '–'}</td>
                      <td class="ramme-num">{v.computed.area.denominator ?? '–'}</td>
                    </tr>
                    {v.computed.perMember.map((m) => (
                      <tr>
                        <th scope="row">{m.name}</th>
                        <td class="ramme-num">{value(m.value, i.unit)}</td>
                        <td class="ramme-num">{m.numerator ?? '–'}</td>
                        <td class="ramme-num">{m.denominator ?? '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <details>
                <summary>Se {v.computed.rows.length === 1 ? 'den 1 række' : `de ${v.computed.rows.length} rækker`} bag tallene</summary>
                <div class="ramme-table-wrap" tabindex={0} role="region" aria-label="Rækkerne bag tallene">
                  <table class="table table--compact">
                    <caption>Rækkerne bag tallene</caption>
                    <thead><tr>{v.computed.columns.map((c) => <th scope="col">{c.label}</th>)}</tr></thead>
                    <tbody>
                      {v.computed.rows.map((r) => (
                        <tr>{v.computed!.columns.map((c) => { const x = r[c.key]; return <td>{x === true ? 'Ja' : x === false ? 'Nej' : x === null || x === undefined ? '–' : String(x)}</td>; })}</tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            </section>
          )}
          <section aria-labelledby="maal-h">
            <h2 id="maal-h">Målinger</h2>
            {v.measurements.length === 0 ? <p>Ingen registrerede målinger.</p> : (
              <div class="ramme-table-wrap" tabindex={0}>
                <table class="table table--compact">
                  <caption>Målinger over tid</caption>
                  <thead><tr><th scope="col">Dato</th><th scope="col">Gælder</th><th scope="col" class="ramme-num">Værdi</th><th scope="col">Kilde</th><th scope="col">Note</th></tr></thead>
                  <tbody>
                    {v.measurements.map((m) => (
                      <tr><td>{formatDate(m.measuredOn)}</td><td>{m.organisation ?? 'Hele området'}</td><td class="ramme-num">{value(m.value, i.unit)}</td><td>{m.source}</td><td>{m.note ?? ''}</td></tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {edit && (
              <>
                <h3>Registrér måling</h3>
                <ErrorSummary errors={mErrors} labels={LABELS} />
                <form method="post" action={agreementUrl(a.id, `/indikatorer/${i.id}/maalinger`)}>
                  <CsrfField token={req.csrf} />
                  <Field name="measured_on" label="Dato" type="date" value={str(mValues?.measured_on)} errors={mErrors} required />
                  <Field name="value" label="Værdi" inputmode="decimal" value={str(mValues?.value ?? (v.computed?.area.value ?? ''))} errors={mErrors} required hint={v.computed ? 'Forudfyldt med dagens beregnede værdi, så den kan gemmes som en måling.' : undefined} />
                  <Select name="organisation_id" label="Gælder" value={str(mValues?.organisation_id)} emptyLabel="Hele området" options={members.map((m) => ({ value: String(m.id), label: m.name }))} errors={mErrors} />
                  <Field name="source" label="Kilde" value={str(mValues?.source ?? (v.computed ? `Ramme: ${v.computed.name}` : ''))} errors={mErrors} required maxlength={300} />
                  <Field name="note" label="Note" value={str(mValues?.note)} errors={mErrors} maxlength={2000} />
                  <button type="submit" class="button button-secondary">Gem måling</button>
                </form>
              </>
            )}
          </section>
        </>
      ),
    };
  };
  app.get('/aftaler/:id/indikatorer/:iid', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    requireRead(req.actor, a);
    return reply.page(await viewPage(req, a, idParam(req, 'iid')));
  });
  app.post('/aftaler/:id/indikatorer/:iid/maalinger', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    const iid = idParam(req, 'iid');
    return submit(reply, async () => (await addMeasurement(db, req.actor, a.id, iid, body(req)), agreementUrl(a.id, `/indikatorer/${iid}`)), async (errors) => reply.page(await viewPage(req, a, iid, body(req), errors)));
  });
}
