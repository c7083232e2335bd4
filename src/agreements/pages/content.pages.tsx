/**
 * @module The content editor: the agreement's content page (free sections, focus areas per part with objectives and
 * indicators, joint principles with commitments) and the forms that add and change each piece (secretariat only).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { AppContext } from '../../core/capability.js';
import type { FieldErrors } from '../../core/errors.js';
import { notFound } from '../../core/errors.js';
import { CsrfField, ErrorSummary, Field, Select, TextArea, formatDate } from '../../core/web/components.js';
import { requireRead, requireSecretariat } from '../access.js';
import { allVocabulary, getAgreement, loadContent, type AgreementRow, type IndicatorWithLatest } from '../agreements.repo.js';
import { saveCommitment, saveFocusArea, saveObjective, savePrinciple, saveSection } from '../content.service.js';
import { indicatorProgress, partsInOrder } from '../logic.js';
import { SubNav, Styles, Tag, agreementUrl, body, canEdit, crumbs, idParam, str, submit, value } from './shared.js';

export const PROGRESS: Record<string, [string, string]> = {
  naaet: ['Mål nået', 'ok'],
  paa_vej: ['På vej', 'warn'],
  tilbage: ['Længere fra målet', 'bad'],
  ingen_maaling: ['Ingen måling', 'none'],
  ingen_maal: ['Intet mål', 'neutral'],
};

export const IndicatorLine = ({ agreementId, i }: { agreementId: number; i: IndicatorWithLatest }) => {
  const p = indicatorProgress(i.direction, i.baseline_value, i.target_value, i.latest?.value ?? null);
  const [label, tone] = PROGRESS[p.state]!;
  return (
    <li>
      <a href={agreementUrl(agreementId, `/indikatorer/${i.id}`)}>{i.name}</a>: udgangspunkt {value(i.baseline_value, i.unit)}, mål {value(i.target_value, i.unit)}
      {i.target_date ? ` (${formatDate(i.target_date)})` : ''}, seneste {i.latest ? `${value(i.latest.value, i.unit)} (${formatDate(i.latest.measured_on)})` : i.source !== 'manual' ? 'beregnes' : '–'} <Tag tone={tone}>{label}</Tag>
      {i.source !== 'manual' && ' · beregnet af Ramme'}
    </li>
  );
};

const LABELS: Record<string, string> = {
  part: 'Del', number: 'Nummer', title: 'Titel', goal: 'Mål', content: 'Indhold', desired_results: 'Ønskede resultater', responsible: 'Ansvarlig',
  description: 'Beskrivelse', text: 'Tilsagn', scope_note: 'Afgrænsning', applies_from: 'Gælder fra', indicator_id: 'Indikator', body: 'Tekst',
};

type FormPage = { req: FastifyRequest; a: AgreementRow; heading: string; action: string; errors?: FieldErrors; fields: JSX.Element; submitLabel?: string; after?: JSX.Element };
const formPage = (p: FormPage) => ({
  title: p.heading,
  status: p.errors ? 400 : undefined,
  breadcrumbs: crumbs(p.a, p.heading, { href: agreementUrl(p.a.id, '/indhold'), label: 'Indhold' }),
  body: (
    <>
      <Styles />
      <h1>{p.heading}</h1>
      <ErrorSummary errors={p.errors} labels={LABELS} />
      <form method="post" action={p.action} class="col-12 col-lg-8" style="padding:0">
        <CsrfField token={p.req.csrf} />
        {p.fields}
        <button type="submit" class="button button-primary">
          {p.submitLabel ?? 'Gem'}
        </button>
      </form>
      {p.after}
    </>
  ),
});

export function contentPages(app: FastifyInstance, { db }: AppContext) {
  app.get('/aftaler/:id/indhold', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    requireRead(req.actor, a);
    const [content, vocab] = await Promise.all([loadContent(db, a.id), allVocabulary(db)]);
    const edit = canEdit(req, a);
    const loose = content.indicators.filter((i) => i.objective_id === null);
    return reply.page({
      title: `Indhold – ${a.title}`,
      breadcrumbs: crumbs(a, 'Indhold'),
      body: (
        <>
          <Styles />
          <h1>Indhold</h1>
          <SubNav agreement={a} current="/indhold" />
          {edit && (
            <p class="ramme-actions">
              <a class="button button-secondary" href={agreementUrl(a.id, '/afsnit/ny')}>Tilføj afsnit</a>
              <a class="button button-secondary" href={agreementUrl(a.id, '/fokusomraader/ny')}>Tilføj fokusområde</a>
              <a class="button button-secondary" href={agreementUrl(a.id, '/indikatorer/ny')}>Tilføj indikator</a>
              <a class="button button-secondary" href={agreementUrl(a.id, '/principper/ny')}>Tilføj princip</a>
            </p>
          )}
          <h2>Afsnit</h2>
          {content.sections.length === 0 && <p>Ingen frie afsnit.</p>}
          {content.sections.map((s) => (
            <section>
              <h3>
                {s.number}. {s.title}
              </h3>
              <p>{s.body}</p>
              {edit && <a href={agreementUrl(a.id, `/afsnit/${s.id}`)}>Ret afsnit {s.number}</a>}
            </section>
          ))}
          {partsInOrder(vocab.list('del'), content.focusAreas).map(({ part, focusAreas }) => (
            <section aria-labelledby={`del-${part.code}`}>
              <h2 id={`del-${part.code}`}>{part.label}</h2>
              {focusAreas.length === 0 && <p>Ingen fokusområder i denne del.</p>}
              {focusAreas
                .map((f) => (
                  <article>
                    <h3>
                      Fokusområde {f.number}: {f.title}
                    </h3>
                    {f.goal && (<p><strong>Mål:</strong> {f.goal}</p>)}
                    {f.content && (<p><strong>Indhold:</strong> {f.content}</p>)}
                    {f.desired_results.length > 0 && (
                      <>
                        <p><strong>Ønskede resultater:</strong></p>
                        <ul>{f.desired_results.map((r) => <li>{r}</li>)}</ul>
                      </>
                    )}
                    {f.responsible && (<p><strong>Ansvarlig:</strong> {f.responsible}</p>)}
                    {f.objectives.map((o) => (
                      <div>
                        <h4>
                          Målsætning {f.number}.{o.number}: {o.title}
                        </h4>
                        {o.description && <p>{o.description}</p>}
                        {o.indicators.length > 0 ? <ul>{o.indicators.map((i) => <IndicatorLine agreementId={a.id} i={i} />)}</ul> : <p>Ingen indikatorer.</p>}
                      </div>
                    ))}
                    {edit && <p><a href={agreementUrl(a.id, `/fokusomraader/${f.id}`)}>Ret fokusområde {f.number} og dets målsætninger</a></p>}
                  </article>
                ))}
            </section>
          ))}
          {loose.length > 0 && (
            <section aria-labelledby="loose-h">
              <h2 id="loose-h">Indikatorer uden målsætning</h2>
              <ul>{loose.map((i) => <IndicatorLine agreementId={a.id} i={i} />)}</ul>
            </section>
          )}
          <section aria-labelledby="princip-h">
            <h2 id="princip-h">Fælleskommunale principper</h2>
            {content.principles.length === 0 && <p>Ingen principper.</p>}
            {content.principles.map((p) => (
              <article>
                <h3>
                  Princip {p.number}: {p.title}
                </h3>
                {p.description && <p>{p.description}</p>}
                <ol>
                  {p.commitments.map((c) => (
                    <li>
                      {c.text} <em>({[c.scope_note, `gælder fra ${formatDate(c.applies_from)}`].filter(Boolean).join('; ')})</em>
                      {c.indicator_id && (<> · <a href={agreementUrl(a.id, `/indikatorer/${c.indicator_id}`)}>indikator</a></>)}
                    </li>
                  ))}
                </ol>
                {edit && <p><a href={agreementUrl(a.id, `/principper/${p.id}/rediger`)}>Ret princip {p.number} og dets tilsagn</a></p>}
              </article>
            ))}
            <p><a href={agreementUrl(a.id, '/principper')}>Se medlemmernes status i matrixen</a></p>
          </section>
        </>
      ),
    });
  });

  // Free sections -------------------------------------------------------------------------------------------
  const sectionFields = (v: Record<string, unknown>, errors?: FieldErrors) => (
    <>
      <Field name="number" label="Nummer" type="number" min={1} max={99} value={str(v.number)} errors={errors} required />
      <Field name="title" label="Titel" value={str(v.title)} errors={errors} required maxlength={300} />
      <TextArea name="body" label="Tekst" value={str(v.body)} errors={errors} required rows={10} maxlength={20000} />
    </>
  );
  const sectionRoute = (path: string, isNew: boolean) => {
    const load = async (req: FastifyRequest) => {
      const a = await getAgreement(db, idParam(req));
      requireSecretariat(req.actor, a);
      const s = isNew ? null : await db.selectFrom('agreement_section').selectAll().where('id', '=', idParam(req, 'sid')).where('agreement_id', '=', a.id).executeTakeFirst();
      if (!isNew && !s) throw notFound('Afsnittet findes ikke.');
      return { a, s };
    };
    const page = (req: FastifyRequest, a: AgreementRow, v: Record<string, unknown>, errors?: FieldErrors) =>
      formPage({ req, a, heading: isNew ? 'Tilføj afsnit' : `Ret afsnit ${str(v.number)}`, action: req.url, errors, fields: sectionFields(v, errors) });
    app.get(path, { schema: { hide: true } }, async (req, reply) => {
      const { a, s } = await load(req);
      return reply.page(page(req, a, s ?? {}));
    });
    app.post(path, { schema: { hide: true } }, async (req, reply) => {
      const { a, s } = await load(req);
      return submit(reply, async () => (await saveSection(db, req.actor, a.id, s?.id ?? null, body(req)), agreementUrl(a.id, '/indhold')), async (errors) => reply.page(page(req, a, body(req), errors)));
    });
  };
  sectionRoute('/aftaler/:id/afsnit/ny', true);
  sectionRoute('/aftaler/:id/afsnit/:sid', false);

  // Focus areas and their objectives ------------------------------------------------------------------------
  const faFields = (v: Record<string, unknown>, errors?: FieldErrors) => (
    <>
      <Select name="part" label="Del" value={str(v.part) || 'udvikling'} options={[{ value: 'udvikling', label: 'Udviklingsstrategi' }, { value: 'styring', label: 'Styringsaftale' }]} errors={errors} />
      <Field name="number" label="Nummer" type="number" min={1} max={99} value={str(v.number)} errors={errors} required hint="Fokusområderne nummereres fortløbende i aftalen." />
      <Field name="title" label="Titel" value={str(v.title)} errors={errors} required maxlength={300} />
      <TextArea name="goal" label="Mål" value={str(v.goal)} errors={errors} maxlength={4000} />
      <TextArea name="content" label="Indhold" value={str(v.content)} errors={errors} rows={6} maxlength={10000} />
      <TextArea name="desired_results" label="Ønskede resultater" value={str(v.desired_results)} errors={errors} hint="Ét resultat pr. linje." />
      <Field name="responsible" label="Ansvarlig" value={str(v.responsible)} errors={errors} maxlength={300} hint="Fx Styregruppen eller en netværksgruppe." />
    </>
  );
  app.get('/aftaler/:id/fokusomraader/ny', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    requireSecretariat(req.actor, a);
    const next = await db.selectFrom('agreement_focus_area').select((eb) => eb.fn.max('number').as('n')).where('agreement_id', '=', a.id).executeTakeFirst();
    return reply.page(formPage({ req, a, heading: 'Tilføj fokusområde', action: req.url, fields: faFields({ number: Number(next?.n ?? 0) + 1 }) }));
  });
  app.post('/aftaler/:id/fokusomraader/ny', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    return submit(reply, async () => agreementUrl(a.id, `/fokusomraader/${await saveFocusArea(db, req.actor, a.id, null, body(req))}`), async (errors) =>
      reply.page(formPage({ req, a, heading: 'Tilføj fokusområde', action: req.url, errors, fields: faFields(body(req), errors) })),
    );
  });

  const faPage = async (req: FastifyRequest, a: AgreementRow, faId: number, values?: Record<string, unknown>, errors?: FieldErrors, objValues?: Record<string, unknown>, objErrors?: FieldErrors) => {
    const fa = await db.selectFrom('agreement_focus_area').selectAll().where('id', '=', faId).where('agreement_id', '=', a.id).executeTakeFirst();
    if (!fa) throw notFound('Fokusområdet findes ikke.');
    const objectives = await db.selectFrom('agreement_objective').selectAll().where('focus_area_id', '=', faId).orderBy('number').execute();
    return formPage({
      req, a, heading: `Fokusområde ${fa.number}: ${fa.title}`, action: agreementUrl(a.id, `/fokusomraader/${faId}`), errors, fields: faFields(values ?? fa, errors), submitLabel: 'Gem fokusområdet',
      after: (
        <section aria-labelledby="obj-h">
          <h2 id="obj-h">Målsætninger</h2>
          {objectives.length === 0 ? <p>Ingen målsætninger endnu.</p> : (
            <ul>{objectives.map((o) => <li>{fa.number}.{o.number} {o.title}</li>)}</ul>
          )}
          <p><a href={agreementUrl(a.id, '/indikatorer/ny')}>Tilføj en indikator til en målsætning</a></p>
          <h3>Tilføj målsætning</h3>
          <ErrorSummary errors={objErrors} labels={LABELS} />
          <form method="post" action={agreementUrl(a.id, `/fokusomraader/${faId}/maalsaetninger`)}>
            <CsrfField token={req.csrf} />
            <Field name="obj.number" label="Nummer" type="number" min={1} max={99} value={str(objValues?.number ?? objectives.length + 1)} errors={objErrors} required />
            <Field name="obj.title" label="Målsætning" value={str(objValues?.title)} errors={objErrors} required maxlength={500} />
            <TextArea name="obj.description" label="Beskrivelse" value={str(objValues?.description)} errors={objErrors} maxlength={4000} />
            <button type="submit" class="button button-secondary">Tilføj målsætning</button>
          </form>
        </section>
      ),
    });
  };
  app.get('/aftaler/:id/fokusomraader/:fid', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    requireSecretariat(req.actor, a);
    return reply.page(await faPage(req, a, idParam(req, 'fid')));
  });
  app.post('/aftaler/:id/fokusomraader/:fid', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    const fid = idParam(req, 'fid');
    return submit(reply, async () => (await saveFocusArea(db, req.actor, a.id, fid, body(req)), agreementUrl(a.id, '/indhold')), async (errors) => reply.page(await faPage(req, a, fid, body(req), errors)));
  });
  app.post('/aftaler/:id/fokusomraader/:fid/maalsaetninger', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    const fid = idParam(req, 'fid');
    const b = body(req);
    const input = { number: b['obj.number'], title: b['obj.title'], description: b['obj.description'] };
    return submit(reply, async () => (await saveObjective(db, req.actor, a.id, fid, null, input), agreementUrl(a.id, `/fokusomraader/${fid}`)), async (errors) =>
      reply.page(await faPage(req, a, fid, undefined, undefined, input, Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === '_' ? k : `obj.${k}`, v])))),
    );
  });

  // Principles and commitments ------------------------------------------------------------------------------
  const principleFields = (v: Record<string, unknown>, errors?: FieldErrors) => (
    <>
      <Field name="number" label="Nummer" type="number" min={1} max={99} value={str(v.number)} errors={errors} required />
      <Field name="title" label="Titel" value={str(v.title)} errors={errors} required maxlength={300} hint="Fx Fælles om takster og kontrakter" />
      <TextArea name="description" label="Beskrivelse" value={str(v.description)} errors={errors} maxlength={4000} />
    </>
  );
  app.get('/aftaler/:id/principper/ny', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    requireSecretariat(req.actor, a);
    return reply.page(formPage({ req, a, heading: 'Tilføj princip', action: req.url, fields: principleFields({}) }));
  });
  app.post('/aftaler/:id/principper/ny', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    return submit(reply, async () => agreementUrl(a.id, `/principper/${await savePrinciple(db, req.actor, a.id, null, body(req))}/rediger`), async (errors) =>
      reply.page(formPage({ req, a, heading: 'Tilføj princip', action: req.url, errors, fields: principleFields(body(req), errors) })),
    );
  });

  const commitmentFields = (v: Record<string, unknown>, indicators: Array<{ id: number; name: string }>, errors?: FieldErrors, prefix = '') => (
    <>
      <Field name={`${prefix}number`} label="Nummer" type="number" min={1} max={99} value={str(v.number)} errors={errors} required />
      <TextArea name={`${prefix}text`} label="Tilsagn" value={str(v.text)} errors={errors} required maxlength={1000} />
      <Field name={`${prefix}scope_note`} label="Afgrænsning" value={str(v.scope_note)} errors={errors} maxlength={500} hint="Fx Kun nye kontrakter, eller kun én tilbudstype." />
      <Field name={`${prefix}applies_from`} label="Gælder fra" type="date" value={str(v.applies_from)} errors={errors} required />
      <Select name={`${prefix}indicator_id`} label="Indikator" value={str(v.indicator_id)} emptyLabel="Ingen" options={indicators.map((i) => ({ value: String(i.id), label: i.name }))} errors={errors} />
    </>
  );
  const principlePage = async (req: FastifyRequest, a: AgreementRow, pid: number, values?: Record<string, unknown>, errors?: FieldErrors, cValues?: Record<string, unknown>, cErrors?: FieldErrors) => {
    const p = await db.selectFrom('agreement_principle').selectAll().where('id', '=', pid).where('agreement_id', '=', a.id).executeTakeFirst();
    if (!p) throw notFound('Princippet findes ikke.');
    const [commitments, indicators] = await Promise.all([
      db.selectFrom('agreement_commitment').selectAll().where('principle_id', '=', pid).orderBy('number').execute(),
      db.selectFrom('agreement_indicator').select(['id', 'name']).where('agreement_id', '=', a.id).orderBy('name').execute(),
    ]);
    return formPage({
      req, a, heading: `Princip ${p.number}: ${p.title}`, action: agreementUrl(a.id, `/principper/${pid}/rediger`), errors, fields: principleFields(values ?? p, errors), submitLabel: 'Gem princippet',
      after: (
        <section aria-labelledby="c-h">
          <h2 id="c-h">Tilsagn</h2>
          {commitments.length === 0 ? <p>Ingen tilsagn endnu.</p> : (
            <ul>
              {commitments.map((c) => (
                <li>
                  {p.number}.{c.number} {c.text} – <a href={agreementUrl(a.id, `/tilsagn/${c.id}`)}>ret <span class="sr-only">tilsagn {p.number}.{c.number}</span></a>
                </li>
              ))}
            </ul>
          )}
          <h3>Tilføj tilsagn</h3>
          <ErrorSummary errors={cErrors} labels={Object.fromEntries(Object.entries(LABELS).map(([k, v]) => [`c.${k}`, v]))} />
          <form method="post" action={agreementUrl(a.id, `/principper/${pid}/tilsagn`)}>
            <CsrfField token={req.csrf} />
            {commitmentFields(cValues ?? { number: commitments.length + 1 }, indicators, cErrors, 'c.')}
            <button type="submit" class="button button-secondary">Tilføj tilsagn</button>
          </form>
        </section>
      ),
    });
  };
  app.get('/aftaler/:id/principper/:pid/rediger', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    requireSecretariat(req.actor, a);
    return reply.page(await principlePage(req, a, idParam(req, 'pid')));
  });
  app.post('/aftaler/:id/principper/:pid/rediger', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    const pid = idParam(req, 'pid');
    return submit(reply, async () => (await savePrinciple(db, req.actor, a.id, pid, body(req)), agreementUrl(a.id, '/indhold')), async (errors) => reply.page(await principlePage(req, a, pid, body(req), errors)));
  });
  app.post('/aftaler/:id/principper/:pid/tilsagn', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    const pid = idParam(req, 'pid');
    const b = body(req);
    const input = Object.fromEntries(Object.entries(b).filter(([k]) => k.startsWith('c.')).map(([k, v]) => [k.slice(2), v]));
    return submit(reply, async () => (await saveCommitment(db, req.actor, a.id, pid, null, input), agreementUrl(a.id, `/principper/${pid}/rediger`)), async (errors) =>
      reply.page(await principlePage(req, a, pid, undefined, undefined, input, Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === '_' ? k : `c.${k}`, v])))),
    );
  });
  const commitmentPage = async (req: FastifyRequest, a: AgreementRow, cid: number, values?: Record<string, unknown>, errors?: FieldErrors) => {
    const c = await db
      .selectFrom('agreement_commitment as c')
      .innerJoin('agreement_principle as p', 'p.id', 'c.principle_id')
      .selectAll('c')
      .select('p.number as principle_number')
      .where('c.id', '=', cid)
      .where('p.agreement_id', '=', a.id)
      .executeTakeFirst();
    if (!c) throw notFound('Tilsagnet findes ikke.');
    const indicators = await db.selectFrom('agreement_indicator').select(['id', 'name']).where('agreement_id', '=', a.id).orderBy('name').execute();
    return { c, page: formPage({ req, a, heading: `Tilsagn ${c.principle_number}.${c.number}`, action: req.url, errors, fields: commitmentFields(values ?? c, indicators, errors) }) };
  };
  app.get('/aftaler/:id/tilsagn/:cid', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    requireSecretariat(req.actor, a);
    return reply.page((await commitmentPage(req, a, idParam(req, 'cid'))).page);
  });
  app.post('/aftaler/:id/tilsagn/:cid', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    requireSecretariat(req.actor, a);
    const { c } = await commitmentPage(req, a, idParam(req, 'cid'));
    return submit(reply, async () => (await saveCommitment(db, req.actor, a.id, c.principle_id, c.id, body(req)), agreementUrl(a.id, `/principper/${c.principle_id}/rediger`)), async (errors) =>
      reply.page((await commitmentPage(req, a, c.id, body(req), errors)).page),
    );
  });
}
