/**
 * @module The process plan as a timeline: phases (the current one follows the dates), milestones with deliverables
 * (overdue is computed), the status history, and the secretariat's forms for phases and milestones.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../core/capability.js';
import type { PageOptions } from '../../core/http/app.js';
import { today } from '../../core/auth/auth.service.js';
import type { FieldErrors } from '../../core/errors.js';
import { CsrfField, ErrorSummary, Field, Select, formatDate } from '../../core/web/components.js';
import { requireRead } from '../access.js';
import { allVocabulary, getAgreement, milestonesOf, phasesOf, statusEvents, type AgreementRow } from '../agreements.repo.js';
import { currentPhase, milestoneState, phaseState } from '../logic.js';
import { completeMilestone, saveMilestone, savePhase } from '../process.service.js';
import { SubNav, Styles, Tag, agreementUrl, body, canEdit, crumbs, idParam, str, submit } from './shared.js';

const PHASE: Record<string, [string, string]> = { kommende: ['Kommende', 'neutral'], i_gang: ['I gang', 'ok'], afsluttet: ['Afsluttet', 'none'] };
const MILESTONE: Record<string, [string, string]> = { gennemfoert: ['Gennemført', 'ok'], planlagt: ['Planlagt', 'neutral'], forsinket: ['Forsinket', 'bad'] };
const LABELS: Record<string, string> = {
  'p.number': 'Nummer', 'p.name': 'Fase', 'p.description': 'Beskrivelse', 'p.starts_on': 'Start', 'p.ends_on': 'Slut',
  'm.due_on': 'Dato', 'm.title': 'Milepæl', 'm.responsible': 'Ansvarlig', 'm.deliverable': 'Leverance', 'm.phase_id': 'Fase', 'm.status': 'Status', 'm.completed_on': 'Gennemført dato',
};
const prefixed = (b: Record<string, unknown>, p: string) => Object.fromEntries(Object.entries(b).filter(([k]) => k.startsWith(p)).map(([k, v]) => [k.slice(p.length), v]));
const prefixErrors = (e: FieldErrors, p: string) => Object.fromEntries(Object.entries(e).map(([k, v]) => [k === '_' ? k : `${p}${k}`, v]));

export function timelinePages(app: FastifyInstance, { db }: AppContext) {
  const page = async (req: FastifyRequest, a: AgreementRow, form?: { which: 'p' | 'm'; values: Record<string, unknown>; errors: FieldErrors }): Promise<PageOptions> => {
    const d = today();
    const [phases, milestones, events, vocab] = await Promise.all([phasesOf(db, a.id), milestonesOf(db, a.id), statusEvents(db, a.id), allVocabulary(db)]);
    const cur = currentPhase(phases, d);
    const edit = canEdit(req, a);
    const pv = form?.which === 'p' ? form.values : { number: phases.length + 1 };
    const mv = form?.which === 'm' ? form.values : {};
    const pe = form?.which === 'p' ? form.errors : undefined;
    const me = form?.which === 'm' ? form.errors : undefined;
    const MilestoneRows = ({ list }: { list: typeof milestones }) => (
      <ul>
        {list.map((m) => {
          const [label, tone] = MILESTONE[milestoneState(m, d)]!;
          return (
            <li>
              <strong>{formatDate(m.due_on)}</strong>: {m.title} <Tag tone={tone}>{label}</Tag>
              {m.responsible && ` · Ansvarlig: ${m.responsible}`}
              {m.deliverable && ` · Leverance: ${m.deliverable}`}
              {m.completed_on && m.status === 'gennemfoert' && m.completed_on !== m.due_on && ` · gennemført ${formatDate(m.completed_on)}`}
              {edit && m.status === 'planlagt' && (
                <form method="post" action={agreementUrl(a.id, `/milepaele/${m.id}/gennemfoert`)} class="ramme-inline-form">
                  <CsrfField token={req.csrf} />{' '}
                  <button type="submit" class="button button-tertiary">Markér som gennemført <span class="sr-only">: {m.title}</span></button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
    );
    return {
      title: `Procesplan – ${a.title}`,
      status: form ? 400 : undefined,
      breadcrumbs: crumbs(a, 'Procesplan'),
      body: (
        <>
          <Styles />
          <h1>Procesplan</h1>
          <SubNav agreement={a} current="/tidslinje" />
          <p class="font-lead">
            {cur.state === 'i_gang' ? `Aktuel fase: ${cur.phase.name} (til ${formatDate(cur.phase.ends_on)}).` : cur.state === 'foer_start' ? `Processen starter ${formatDate(cur.next.starts_on)}.` : cur.state === 'mellem_faser' ? `Mellem faserne ${cur.previous.name} og ${cur.next.name}.` : cur.state === 'afsluttet' ? 'Alle faser er afsluttet.' : 'Der er ingen faser i procesplanen.'}{' '}
            Fasen følger datoerne; ingen skifter den i hånden.
          </p>
          <ol class="ramme-timeline">
            {phases.map((p) => {
              const st = phaseState(p, d);
              const [label, tone] = PHASE[st]!;
              return (
                <li class={st === 'i_gang' ? 'is-current' : undefined}>
                  <h2 class="h3">Fase {p.number}: {p.name} <Tag tone={tone}>{label}</Tag></h2>
                  <p>{formatDate(p.starts_on)} – {formatDate(p.ends_on)}{p.description ? `. ${p.description}` : ''}</p>
                  <MilestoneRows list={milestones.filter((m) => m.phase_id === p.id)} />
                </li>
              );
            })}
          </ol>
          {milestones.some((m) => m.phase_id === null) && (
            <section aria-labelledby="uden-fase">
              <h2 id="uden-fase">Milepæle uden fase</h2>
              <MilestoneRows list={milestones.filter((m) => m.phase_id === null)} />
            </section>
          )}
          <section aria-labelledby="historik-h">
            <h2 id="historik-h">Statushistorik</h2>
            {events.length === 0 ? <p>Ingen statusskift.</p> : (
              <ul>{events.map((e) => <li>{formatDate(e.changed_on)}: {vocab.label('aftalestatus', e.status)}{e.note ? ` – ${e.note}` : ''}</li>)}</ul>
            )}
          </section>
          {edit && (
            <>
              <section aria-labelledby="ny-fase">
                <h2 id="ny-fase">Tilføj fase</h2>
                <ErrorSummary errors={pe} labels={LABELS} />
                <form method="post" action={agreementUrl(a.id, '/faser')}>
                  <CsrfField token={req.csrf} />
                  <Field name="p.number" label="Nummer" type="number" min={1} max={99} value={str(pv.number)} errors={pe} required />
                  <Field name="p.name" label="Fase" value={str(pv.name)} errors={pe} required maxlength={200} hint="Fx Fokusering, Omsætning, Konkretisering, Godkendelse" />
                  <Field name="p.description" label="Beskrivelse" value={str(pv.description)} errors={pe} maxlength={2000} />
                  <Field name="p.starts_on" label="Start" type="date" value={str(pv.starts_on)} errors={pe} required />
                  <Field name="p.ends_on" label="Slut" type="date" value={str(pv.ends_on)} errors={pe} required />
                  <button type="submit" class="button button-secondary">Tilføj fase</button>
                </form>
              </section>
              <section aria-labelledby="ny-milepael">
                <h2 id="ny-milepael">Tilføj milepæl</h2>
                <p>Milepæle skal ligge inden for aftalens forløb: {formatDate(a.preparation_start)} – {formatDate(a.period_end)}.</p>
                <ErrorSummary errors={me} labels={LABELS} />
                <form method="post" action={agreementUrl(a.id, '/milepaele')}>
                  <CsrfField token={req.csrf} />
                  <Field name="m.due_on" label="Dato" type="date" value={str(mv.due_on)} errors={me} required />
                  <Field name="m.title" label="Milepæl" value={str(mv.title)} errors={me} required maxlength={300} />
                  <Field name="m.responsible" label="Ansvarlig" value={str(mv.responsible)} errors={me} maxlength={300} />
                  <Field name="m.deliverable" label="Leverance" value={str(mv.deliverable)} errors={me} maxlength={1000} />
                  <Select name="m.phase_id" label="Fase" value={str(mv.phase_id)} emptyLabel="Ingen fase" options={phases.map((p) => ({ value: String(p.id), label: `${p.number}. ${p.name}` }))} errors={me} />
                  <Select name="m.status" label="Status" value={str(mv.status) || 'planlagt'} options={[{ value: 'planlagt', label: 'Planlagt' }, { value: 'gennemfoert', label: 'Gennemført' }]} errors={me} />
                  <button type="submit" class="button button-secondary">Tilføj milepæl</button>
                </form>
              </section>
            </>
          )}
        </>
      ),
    };
  };

  app.get('/aftaler/:id/tidslinje', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    requireRead(req.actor, a);
    return reply.page(await page(req, a));
  });
  app.post('/aftaler/:id/faser', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    const values = prefixed(body(req), 'p.');
    return submit(reply, async () => (await savePhase(db, req.actor, a.id, null, values), agreementUrl(a.id, '/tidslinje')), async (errors) => reply.page(await page(req, a, { which: 'p', values, errors: prefixErrors(errors, 'p.') })));
  });
  app.post('/aftaler/:id/milepaele', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    const values = prefixed(body(req), 'm.');
    return submit(reply, async () => (await saveMilestone(db, req.actor, a.id, null, values), agreementUrl(a.id, '/tidslinje')), async (errors) => reply.page(await page(req, a, { which: 'm', values, errors: prefixErrors(errors, 'm.') })));
  });
  app.post('/aftaler/:id/milepaele/:mid/gennemfoert', { schema: { hide: true } }, async (req, reply) => {
    const id = idParam(req);
    await completeMilestone(db, req.actor, id, idParam(req, 'mid'));
    return reply.redirect(agreementUrl(id, '/tidslinje'), 303);
  });
}
