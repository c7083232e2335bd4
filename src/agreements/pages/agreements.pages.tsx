/**
 * @module Agreement list, creation, overview (status, current phase, "N af M har godkendt"), editing, the status
 * change and publication.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../core/capability.js';
import type { PageOptions } from '../../core/http/app.js';
import { today } from '../../core/auth/auth.service.js';
import type { FieldErrors } from '../../core/errors.js';
import { Alert, CsrfField, DescriptionList, ErrorSummary, Field, Select, TextArea, formatDate } from '../../core/web/components.js';
import { canRead, requireRead, requireSecretariat } from '../access.js';
import { agreementMembers, allVocabulary, approvals, getAgreement, loadContent, milestonesOf, phasesOf, commitmentStatuses, type AgreementRow } from '../agreements.repo.js';
import { changeStatus, createAgreement, setPublished, updateAgreement } from '../content.service.js';
import { MANUAL_TRANSITIONS, approvalSummary, formatCount, currentPhase, effectiveStatus, milestoneState, rollupMatrix, type StoredStatus } from '../logic.js';
import { SubNav, Styles, Tag, agreementUrl, body, canEdit, crumbs, idParam, pct, period, str, submit } from './shared.js';

const LABELS: Record<string, string> = {
  title: 'Titel', period_start: 'Periodens start', period_end: 'Periodens slutning', preparation_start: 'Arbejdet starter', summary: 'Resumé',
  status: 'Ny status', hearing_until: 'Høringsfrist', note: 'Bemærkning',
};

const AgreementForm = (p: { csrf: string; action: string; values: Record<string, unknown>; errors?: FieldErrors; submitLabel: string }) => (
  <form method="post" action={p.action} class="col-12 col-lg-8" style="padding:0">
    <CsrfField token={p.csrf} />
    <Field name="title" label="Titel" value={str(p.values.title)} errors={p.errors} required maxlength={200} hint="Fx Rammeaftale Sjælland 2027-2028" />
    <Field name="period_start" label="Periodens start" type="date" value={str(p.values.period_start)} errors={p.errors} required />
    <Field name="period_end" label="Periodens slutning" type="date" value={str(p.values.period_end)} errors={p.errors} required />
    <Field name="preparation_start" label="Arbejdet starter" type="date" value={str(p.values.preparation_start)} errors={p.errors} required hint="Første dag i processen. Faser og milepæle skal ligge mellem denne dato og periodens slutning." />
    <TextArea name="summary" label="Resumé" value={str(p.values.summary)} errors={p.errors} maxlength={4000} />
    <button type="submit" class="button button-primary">
      {p.submitLabel}
    </button>
  </form>
);

export function agreementPages(app: FastifyInstance, { db }: AppContext) {
  app.get('/aftaler', { schema: { hide: true } }, async (req, reply) => {
    const rows = await db
      .selectFrom('agreement as a')
      .innerJoin('agreement_area as ar', 'ar.id', 'a.area_id')
      .selectAll('a')
      .select(['ar.name as area_name', 'ar.code as area_code'])
      .orderBy('ar.name')
      .orderBy('a.period_start', 'desc')
      .execute();
    const visible = rows.filter((a) => canRead(req.actor, a));
    const vocab = await allVocabulary(db);
    const d = today();
    const approvedCodes = vocab.list('beslutning').filter((k) => k.counts_as_approval).map((k) => k.code);
    const counts = await Promise.all(
      visible.map(async (a) => approvalSummary((await agreementMembers(db, a)).map((m) => m.id), await approvals(db, a.id), approvedCodes, [])),
    );
    const canCreate = req.actor?.organisationKind === 'secretariat' && req.actor.roles.includes('sekretariat');
    return reply.page({
      title: 'Rammeaftaler',
      breadcrumbs: [{ href: '/', label: 'Forside' }, { label: 'Rammeaftaler' }],
      body: (
        <>
          <Styles />
          <h1>Rammeaftaler</h1>
          <p class="font-lead">Aftalerne mellem kommunerne og regionen: fokusområder, mål, fælleskommunale principper, proces, høring og godkendelse.</p>
          {!req.actor && <p>Du ser de offentliggjorte aftaler. <a href="/login?next=/aftaler">Log ind</a> for at se aftaler under udarbejdelse i dit område.</p>}
          {canCreate && (
            <p>
              <a class="button button-primary" href="/aftaler/ny">
                Opret aftale
              </a>
            </p>
          )}
          <div class="ramme-table-wrap" tabindex={0}>
            <table class="table table--zebra">
              <caption>{formatCount(visible.length, 'aftale', 'aftaler')}</caption>
              <thead>
                <tr>
                  <th scope="col">Aftale</th>
                  <th scope="col">Område</th>
                  <th scope="col">Periode</th>
                  <th scope="col">Status</th>
                  <th scope="col">Godkendelse</th>
                  <th scope="col">Offentlig</th>
                </tr>
              </thead>
              <tbody>
                {visible.map((a, i) => {
                  const s = effectiveStatus(a.status, a.period_end, d);
                  return (
                    <tr>
                      <td>
                        <a href={agreementUrl(a.id)}>{a.title}</a>
                      </td>
                      <td>{a.area_name}</td>
                      <td>{`${a.period_start.slice(0, 4)}-${a.period_end.slice(0, 4)}`}</td>
                      <td>
                        <Tag tone={vocab.tone('aftalestatus', s)}>{vocab.label('aftalestatus', s)}</Tag>
                      </td>
                      <td>{`${counts[i]!.approved} af ${counts[i]!.total}`}</td>
                      <td>{a.is_public ? 'Ja' : 'Nej'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      ),
    });
  });

  const newPage = (req: FastifyRequest, values: Record<string, unknown>, errors?: FieldErrors): PageOptions => ({
      title: 'Opret aftale',
      breadcrumbs: [{ href: '/', label: 'Forside' }, { href: '/aftaler', label: 'Rammeaftaler' }, { label: 'Opret aftale' }],
      body: (
        <>
          <h1>Opret rammeaftale</h1>
          <ErrorSummary errors={errors} labels={LABELS} />
          <AgreementForm csrf={req.csrf} action="/aftaler/ny" values={values} errors={errors} submitLabel="Opret aftale" />
        </>
      ),
    });

  app.get('/aftaler/ny', { schema: { hide: true } }, async (req, reply) => {
    const a = req.actor;
    if (!a || a.organisationKind !== 'secretariat') requireSecretariat(a, { area_id: -1, area_name: 'aftaleområdet' });
    return reply.page(newPage(req, {}));
  });
  app.post('/aftaler/ny', { schema: { hide: true } }, async (req, reply) =>
    submit(reply, async () => agreementUrl(await createAgreement(db, req.actor, body(req))), async (errors) => reply.page(newPage(req, body(req), errors))),
  );

  app.get('/aftaler/:id', { schema: { hide: true } }, async (req, reply) => {
    const agreement = await getAgreement(db, idParam(req));
    requireRead(req.actor, agreement);
    return reply.page(await overview(req, agreement));
  });

  const overview = async (req: FastifyRequest, a: AgreementRow, errors?: FieldErrors, values: Record<string, unknown> = {}) => {
    const d = today();
    const [vocab, members, decisions, phases, milestones, content, statuses] = await Promise.all([
      allVocabulary(db), agreementMembers(db, a), approvals(db, a.id), phasesOf(db, a.id), milestonesOf(db, a.id), loadContent(db, a.id), commitmentStatuses(db, a.id),
    ]);
    const s = effectiveStatus(a.status, a.period_end, d);
    const summary = approvalSummary(members.map((m) => m.id), decisions, vocab.list('beslutning').filter((k) => k.counts_as_approval).map((k) => k.code), vocab.list('beslutning').filter((k) => k.counts_as_rejection).map((k) => k.code));
    const cur = currentPhase(phases, d);
    const overdue = milestones.filter((m) => milestoneState(m, d) === 'forsinket');
    const next = milestones.find((m) => m.status === 'planlagt' && m.due_on >= d);
    const commitments = content.principles.flatMap((p) => p.commitments);
    const matrix = rollupMatrix(commitments.map((c) => c.id), members.map((m) => m.id), statuses, vocab.codes('tilsagnsstatus'));
    const isSecretariat = canEdit(req, a);
    const transitions = MANUAL_TRANSITIONS[a.status as StoredStatus] ?? [];
    const phaseText =
      cur.state === 'i_gang' ? `${cur.phase.name} (${formatDate(cur.phase.starts_on)} – ${formatDate(cur.phase.ends_on)})`
      : cur.state === 'foer_start' ? `Ingen endnu; ${cur.next.name} starter ${formatDate(cur.next.starts_on)}`
      : cur.state === 'mellem_faser' ? `Mellem ${cur.previous.name} og ${cur.next.name}`
      : cur.state === 'afsluttet' ? `Alle faser er afsluttet (sidste: ${cur.previous.name})`
      : 'Ingen faser i procesplanen';
    return {
      title: a.title,
      status: errors ? 400 : undefined,
      breadcrumbs: crumbs(a),
      body: (
        <>
          <Styles />
          <h1>{a.title}</h1>
          <SubNav agreement={a} current="" />
          <p>
            <Tag tone={vocab.tone('aftalestatus', s)}>{vocab.label('aftalestatus', s)}</Tag> <strong>{`${summary.approved} af ${summary.total} har godkendt`}</strong>
            {summary.rejected > 0 && ` · ${summary.rejected} har ikke godkendt`}
          </p>
          {a.summary && <p class="font-lead">{a.summary}</p>}
          <DescriptionList
            items={[
              ['Aftaleområde', a.area_name],
              ['Periode', period(a)],
              ['Arbejdet startede', formatDate(a.preparation_start)],
              ['Aktuel fase', phaseText],
              ['Næste milepæl', next ? `${formatDate(next.due_on)}: ${next.title}` : 'Ingen planlagte'],
              ['Forsinkede milepæle', overdue.length ? `${overdue.length}: ${overdue.map((m) => m.title).join('; ')}` : 'Ingen'],
              ['Fokusområder', String(content.focusAreas.length)],
              ['Fælleskommunale tilsagn', commitments.length ? `${commitments.length} tilsagn; ${pct(matrix.overall.share)} implementeret på tværs af ${formatCount(members.length, 'medlem', 'medlemmer')}` : 'Ingen'],
              ['Offentliggjort', a.is_public ? `Ja, ${formatDate(a.published_on)}` : 'Nej'],
            ]}
          />
          <p>
            <a href={agreementUrl(a.id, '/dokument')}>Læs aftalen som dokument</a> · <a href={agreementUrl(a.id, '/aftale.pdf')}>Hent som PDF</a>
          </p>
          {isSecretariat && (
            <section aria-labelledby="sekretariat-h">
              <h2 id="sekretariat-h">Sekretariatets handlinger</h2>
              <ErrorSummary errors={errors} labels={LABELS} />
              <p>
                <a class="button button-secondary" href={agreementUrl(a.id, '/rediger')}>
                  Ret titel og periode
                </a>
              </p>
              {transitions.length > 0 ? (
                <form method="post" action={agreementUrl(a.id, '/status')}>
                  <CsrfField token={req.csrf} />
                  <Select name="status" label="Ny status" value={str(values.status) || undefined} options={transitions.map((t) => ({ value: t, label: vocab.label('aftalestatus', t) }))} errors={errors} hint="Godkendt sættes ikke i hånden: aftalen bliver godkendt, når alle medlemmer har godkendt." />
                  <Field name="hearing_until" label="Høringsfrist" type="date" value={str(values.hearing_until)} errors={errors} hint="Kun ved høring. Den nyeste version sendes i høring." />
                  <Field name="note" label="Bemærkning" value={str(values.note)} errors={errors} maxlength={1000} />
                  <button type="submit" class="button button-primary">
                    Skift status
                  </button>
                </form>
              ) : (
                <p>Status følger nu godkendelserne.</p>
              )}
              <form method="post" action={agreementUrl(a.id, '/offentliggoerelse')}>
                <CsrfField token={req.csrf} />
                <input type="hidden" name="is_public" value={a.is_public ? 'false' : 'true'} />
                <button type="submit" class="button button-secondary">
                  {a.is_public ? 'Fjern offentliggørelsen' : 'Offentliggør aftalen'}
                </button>
              </form>
            </section>
          )}
          {!req.actor && a.is_public && <Alert kind="info">Du ser en offentliggjort aftale. Medlemmer logger ind for at melde status, svar og godkendelser.</Alert>}
        </>
      ),
    };
  };

  app.post('/aftaler/:id/status', { schema: { hide: true } }, async (req, reply) => {
    const id = idParam(req);
    return submit(reply, async () => (await changeStatus(db, req.actor, id, body(req)), agreementUrl(id)), async (errors) => reply.page(await overview(req, await getAgreement(db, id), errors, body(req))));
  });
  app.post('/aftaler/:id/offentliggoerelse', { schema: { hide: true } }, async (req, reply) => {
    const id = idParam(req);
    await setPublished(db, req.actor, id, body(req));
    return reply.redirect(agreementUrl(id), 303);
  });

  const editPage = (req: FastifyRequest, a: AgreementRow, values: Record<string, unknown>, errors?: FieldErrors) => ({
    title: `Ret ${a.title}`,
    breadcrumbs: crumbs(a, 'Ret aftalen'),
    body: (
      <>
        <h1>Ret aftalen</h1>
        <ErrorSummary errors={errors} labels={LABELS} />
        <AgreementForm csrf={req.csrf} action={agreementUrl(a.id, '/rediger')} values={values} errors={errors} submitLabel="Gem" />
      </>
    ),
  });
  app.get('/aftaler/:id/rediger', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    requireSecretariat(req.actor, a);
    return reply.page(editPage(req, a, a));
  });
  app.post('/aftaler/:id/rediger', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    return submit(reply, async () => (await updateAgreement(db, req.actor, a.id, body(req)), agreementUrl(a.id)), async (errors) => reply.page(editPage(req, a, body(req), errors)));
  });
}
