/**
 * @module Input rounds: the list and the form to create one (secretariat), a round's page with questions, groups and
 * the vote tally, a group's answer and vote form, all answers to one question side by side, and the Excel export.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import ExcelJS from 'exceljs';
import type { AppContext } from '../../core/capability.js';
import type { PageOptions } from '../../core/http/app.js';
import type { FieldErrors } from '../../core/errors.js';
import { forbidden, notFound, unauthorized } from '../../core/errors.js';
import { CsrfField, ErrorSummary, Field, Select, TextArea, formatDate } from '../../core/web/components.js';
import { canActForOrganisation, isSecretariatFor, requireRead } from '../access.js';
import { agreementMembers, allVocabulary, getAgreement, phasesOf, type AgreementRow } from '../agreements.repo.js';
import { pickPrefixed } from '../agreements.schema.js';
import { createGroup, createRound, getRound, roundDetails, saveAnswers, saveVotes, setRoundOpen } from '../input.service.js';
import { formatCount, tallyVotes } from '../logic.js';
import { SubNav, Styles, Tag, agreementUrl, body, canEdit, crumbs, idParam, str, submit } from './shared.js';

const LABELS: Record<string, string> = {
  kind: 'Type', template: 'Skabelon', title: 'Titel', held_on: 'Dato', phase_id: 'Fase', description: 'Beskrivelse', questions: 'Spørgsmål', candidates: 'Handlinger at prioritere', vote_allowance: 'Stemmer pr. deltager',
  name: 'Gruppens navn', answers: 'Svar', votes: 'Stemmer',
};
const roundUrl = (a: number, r: number, sub = '') => agreementUrl(a, `/input/${r}${sub}`);

export function inputPages(app: FastifyInstance, { db }: AppContext) {
  const listPage = async (req: FastifyRequest, a: AgreementRow, values: Record<string, unknown> = {}, errors?: FieldErrors): Promise<PageOptions> => {
    const [rounds, phases, vocab] = await Promise.all([
      db
        .selectFrom('agreement_input_round as r')
        .leftJoin('agreement_phase as p', 'p.id', 'r.phase_id')
        .selectAll('r')
        .select('p.name as phase_name')
        .select((eb) => [
          eb.selectFrom('agreement_input_group as g').select((x) => x.fn.countAll<number>().as('n')).whereRef('g.round_id', '=', 'r.id').as('groups'),
          eb.selectFrom('agreement_input_answer as an').innerJoin('agreement_input_group as g2', 'g2.id', 'an.group_id').select((x) => x.fn.countAll<number>().as('n')).whereRef('g2.round_id', '=', 'r.id').as('answers'),
        ])
        .where('r.agreement_id', '=', a.id)
        .orderBy('r.held_on')
        .execute(),
      phasesOf(db, a.id),
      allVocabulary(db),
    ]);
    return {
      title: `Input – ${a.title}`,
      status: errors ? 400 : undefined,
      breadcrumbs: crumbs(a, 'Input'),
      body: (
        <>
          <Styles />
          <h1>Inputrunder</h1>
          <SubNav agreement={a} current="/input" />
          <p>Dialogmøder, workshops og seminarer, hvor borde, kommuner, handicapråd og brugerorganisationer giver input – som svar på en skabelon eller som en prioritering med stemmer.</p>
          {rounds.length === 0 ? <p>Ingen inputrunder endnu.</p> : (
            <div class="ramme-table-wrap" tabindex={0}>
              <table class="table table--compact">
                <caption>{formatCount(rounds.length, 'inputrunde', 'inputrunder')}</caption>
                <thead><tr><th scope="col">Dato</th><th scope="col">Runde</th><th scope="col">Type</th><th scope="col">Fase</th><th scope="col" class="ramme-num">Grupper</th><th scope="col" class="ramme-num">Svar</th><th scope="col">Status</th></tr></thead>
                <tbody>
                  {rounds.map((r) => (
                    <tr>
                      <td>{formatDate(r.held_on)}</td>
                      <td><a href={roundUrl(a.id, r.id)}>{r.title}</a>{r.vote_allowance ? ' (prioritering)' : ''}</td>
                      <td>{vocab.label('rundetype', r.kind)}</td>
                      <td>{r.phase_name ?? '–'}</td>
                      <td class="ramme-num">{Number(r.groups ?? 0)}</td>
                      <td class="ramme-num">{Number(r.answers ?? 0)}</td>
                      <td>{r.is_open ? <Tag tone="ok">Åben</Tag> : <Tag tone="neutral">Lukket</Tag>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {canEdit(req, a) && (
            <section aria-labelledby="ny-runde">
              <h2 id="ny-runde">Opret inputrunde</h2>
              <ErrorSummary errors={errors} labels={LABELS} />
              <form method="post" action={agreementUrl(a.id, '/input')} class="col-12 col-lg-8" style="padding:0">
                <CsrfField token={req.csrf} />
                <Field name="title" label="Titel" value={str(values.title)} errors={errors} required maxlength={300} />
                <Select name="kind" label="Type" value={str(values.kind) || 'dialogmoede'} options={vocab.list('rundetype').map((k) => ({ value: k.code, label: k.label }))} errors={errors} />
                <Field name="held_on" label="Dato" type="date" value={str(values.held_on)} errors={errors} required />
                <Select name="phase_id" label="Fase" value={str(values.phase_id)} emptyLabel="Ingen fase" options={phases.map((p) => ({ value: String(p.id), label: `${p.number}. ${p.name}` }))} errors={errors} />
                <TextArea name="description" label="Beskrivelse" value={str(values.description)} errors={errors} maxlength={4000} />
                <Select name="template" label="Skabelon" value={str(values.template) || 'fokusomraader'} options={[{ value: 'fokusomraader', label: 'Pr. fokusområde: mål, ønsket indhold og resultater' }, { value: 'frie', label: 'Frie spørgsmål' }]} errors={errors} />
                <TextArea name="questions" label="Spørgsmål" value={str(values.questions)} errors={errors} hint="Ét spørgsmål pr. linje, fx: Skriv to budskaber til styregruppen. Lægges efter fokusområdernes spørgsmål." />
                <TextArea name="candidates" label="Handlinger at prioritere" value={str(values.candidates)} errors={errors} hint="Kun ved prioritering: én handling pr. linje." />
                <Field name="vote_allowance" label="Stemmer pr. deltager" type="number" min={1} max={1000} value={str(values.vote_allowance)} errors={errors} hint="Kun ved prioritering: hvor mange stemmer hver gruppe fordeler." />
                <button type="submit" class="button button-primary">Opret inputrunde</button>
              </form>
            </section>
          )}
        </>
      ),
    };
  };
  app.get('/aftaler/:id/input', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    requireRead(req.actor, a);
    return reply.page(await listPage(req, a));
  });
  app.post('/aftaler/:id/input', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    return submit(reply, async () => roundUrl(a.id, await createRound(db, req.actor, a.id, body(req))), async (errors) => reply.page(await listPage(req, a, body(req), errors)));
  });

  const roundPage = async (req: FastifyRequest, a: AgreementRow, rid: number, values: Record<string, unknown> = {}, errors?: FieldErrors): Promise<PageOptions> => {
    const round = await getRound(db, a.id, rid);
    const [d, vocab, members] = await Promise.all([roundDetails(db, rid), allVocabulary(db), agreementMembers(db, a)]);
    const actor = req.actor;
    const isSecretariat = isSecretariatFor(actor, a);
    const isMember = canActForOrganisation(actor) && members.some((m) => m.id === actor.organisationId);
    const ownGroup = d.groups.find((g) => actor && g.organisation_id === actor.organisationId);
    const mayWrite = (g: (typeof d.groups)[number]) => isSecretariat || (canActForOrganisation(actor) && g.organisation_id === actor.organisationId);
    const tally = tallyVotes(d.candidates, d.votes);
    return {
      title: round.title,
      status: errors ? 400 : undefined,
      breadcrumbs: crumbs(a, round.title, { href: agreementUrl(a.id, '/input'), label: 'Input' }),
      body: (
        <>
          <Styles />
          <h1>{round.title}</h1>
          <SubNav agreement={a} current="/input" />
          <p>
            {vocab.label('rundetype', round.kind)} {formatDate(round.held_on)} · {round.is_open ? <Tag tone="ok">Åben for svar</Tag> : <Tag tone="neutral">Lukket</Tag>}
            {round.vote_allowance ? ` · Prioritering: hver gruppe har ${round.vote_allowance} stemmer` : ''}
          </p>
          {round.description && <p>{round.description}</p>}
          <p class="ramme-actions">
            <a class="button button-secondary" href={roundUrl(a.id, rid, '/svar.xlsx')}>Hent alle svar som Excel</a>
            {isSecretariat && (
              <form method="post" action={roundUrl(a.id, rid, '/aaben')}>
                <CsrfField token={req.csrf} />
                <input type="hidden" name="is_open" value={round.is_open ? 'false' : 'true'} />
                <button type="submit" class="button button-secondary">{round.is_open ? 'Luk runden' : 'Genåbn runden'}</button>
              </form>
            )}
          </p>
          {d.questions.length > 0 && (
            <section aria-labelledby="q-h">
              <h2 id="q-h">Spørgsmål</h2>
              <ol>
                {d.questions.map((q) => (
                  <li><a href={roundUrl(a.id, rid, `/spoergsmaal/${q.id}`)}>{q.text}</a> ({d.answers.filter((x) => x.question_id === q.id).length} svar)</li>
                ))}
              </ol>
            </section>
          )}
          {tally.length > 0 && (
            <section aria-labelledby="t-h">
              <h2 id="t-h">Prioritering</h2>
              <div class="ramme-table-wrap" tabindex={0}>
                <table class="table table--compact">
                  <caption>Optælling af {d.votes.reduce((s, v) => s + v.votes, 0)} stemmer</caption>
                  <thead><tr><th scope="col">Plads</th><th scope="col">Handling</th><th scope="col" class="ramme-num">Stemmer</th><th scope="col" class="ramme-num">Grupper</th></tr></thead>
                  <tbody>{tally.map((t) => <tr><td>{t.rank}</td><td>{t.title}</td><td class="ramme-num">{t.votes}</td><td class="ramme-num">{t.groups}</td></tr>)}</tbody>
                </table>
              </div>
            </section>
          )}
          <section aria-labelledby="g-h">
            <h2 id="g-h">Deltagergrupper</h2>
            {d.groups.length === 0 ? <p>Ingen grupper endnu.</p> : (
              <ul>
                {d.groups.map((g) => (
                  <li>
                    {g.name} ({vocab.label('gruppetype', g.kind)}{g.organisation_name && g.organisation_name !== g.name ? `, ${g.organisation_name}` : ''}): {d.answers.filter((x) => x.group_id === g.id).length} svar
                    {mayWrite(g) && round.is_open && <> · <a href={roundUrl(a.id, rid, `/grupper/${g.id}`)}>Svar for {g.name}</a></>}
                  </li>
                ))}
              </ul>
            )}
            {round.is_open && (isSecretariat || (isMember && !ownGroup)) && (
              <>
                <h3>Tilføj gruppe</h3>
                <ErrorSummary errors={errors} labels={LABELS} />
                <form method="post" action={roundUrl(a.id, rid, '/grupper')}>
                  <CsrfField token={req.csrf} />
                  {isSecretariat ? (
                    <>
                      <Field name="name" label="Gruppens navn" value={str(values.name)} errors={errors} required maxlength={200} hint="Fx Bord 3, Handicaprådet i Sorø eller en brugerorganisation." />
                      <Select name="kind" label="Type" value={str(values.kind) || 'bord'} options={vocab.list('gruppetype').map((k) => ({ value: k.code, label: k.label }))} errors={errors} />
                    </>
                  ) : (
                    <>
                      <input type="hidden" name="name" value={actor!.organisationName} />
                      <input type="hidden" name="kind" value="kommune" />
                      <p>{actor!.organisationName} svarer som én gruppe.</p>
                    </>
                  )}
                  <button type="submit" class="button button-secondary">{isSecretariat ? 'Tilføj gruppe' : `Svar som ${actor!.organisationName}`}</button>
                </form>
              </>
            )}
          </section>
        </>
      ),
    };
  };
  app.get('/aftaler/:id/input/:rid', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    requireRead(req.actor, a);
    return reply.page(await roundPage(req, a, idParam(req, 'rid')));
  });
  app.post('/aftaler/:id/input/:rid/aaben', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    const rid = idParam(req, 'rid');
    await setRoundOpen(db, req.actor, a.id, rid, str(body(req).is_open) === 'true');
    return reply.redirect(roundUrl(a.id, rid), 303);
  });
  app.post('/aftaler/:id/input/:rid/grupper', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    const rid = idParam(req, 'rid');
    return submit(reply, async () => roundUrl(a.id, rid, `/grupper/${await createGroup(db, req.actor, a.id, rid, body(req))}`), async (errors) => reply.page(await roundPage(req, a, rid, body(req), errors)));
  });

  const groupPage = async (req: FastifyRequest, a: AgreementRow, rid: number, gid: number, values?: Record<string, unknown>, errors?: FieldErrors): Promise<PageOptions> => {
    const round = await getRound(db, a.id, rid);
    const d = await roundDetails(db, rid);
    const g = d.groups.find((x) => x.id === gid);
    if (!g) throw notFound('Gruppen findes ikke i runden.');
    if (!req.actor) throw unauthorized();
    if (!isSecretariatFor(req.actor, a) && !(canActForOrganisation(req.actor) && g.organisation_id === req.actor.organisationId)) throw forbidden('Du kan kun svare for din egen organisations gruppe.');
    const answer = (qid: number) => (values ? str(values[`answer_${qid}`]) : (d.answers.find((x) => x.group_id === gid && x.question_id === qid)?.text ?? ''));
    const votes = (cid: number) => (values ? str(values[`vote_${cid}`]) : String(d.votes.find((x) => x.group_id === gid && x.candidate_id === cid)?.votes ?? 0));
    return {
      title: `${g.name} – ${round.title}`,
      status: errors ? 400 : undefined,
      breadcrumbs: crumbs(a, g.name, { href: roundUrl(a.id, rid), label: round.title }),
      body: (
        <>
          <h1>Svar fra {g.name}</h1>
          <p>{round.title}, {formatDate(round.held_on)}. Tomme svar gemmes ikke.</p>
          <ErrorSummary errors={errors} labels={LABELS} />
          {d.questions.length > 0 && (
            <form method="post" action={roundUrl(a.id, rid, `/grupper/${gid}/svar`)}>
              <CsrfField token={req.csrf} />
              {d.questions.map((q) => <TextArea name={`answer_${q.id}`} label={`${q.number}. ${q.text}`} value={answer(q.id)} rows={3} maxlength={10000} />)}
              <button type="submit" class="button button-primary">Gem svar</button>
            </form>
          )}
          {round.vote_allowance && (
            <form method="post" action={roundUrl(a.id, rid, `/grupper/${gid}/stemmer`)}>
              <CsrfField token={req.csrf} />
              <fieldset>
                <legend class="h2">Fordel {round.vote_allowance} stemmer</legend>
                {errors?.votes && <p class="form-error-message" id="f-votes" role="alert">{errors.votes.join(' ')}</p>}
                {d.candidates.map((c) => <Field name={`vote_${c.id}`} label={c.title} type="number" min={0} max={round.vote_allowance!} value={votes(c.id)} />)}
              </fieldset>
              <button type="submit" class="button button-primary">Gem stemmer</button>
            </form>
          )}
        </>
      ),
    };
  };
  app.get('/aftaler/:id/input/:rid/grupper/:gid', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    requireRead(req.actor, a);
    return reply.page(await groupPage(req, a, idParam(req, 'rid'), idParam(req, 'gid')));
  });
  app.post('/aftaler/:id/input/:rid/grupper/:gid/svar', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    const [rid, gid] = [idParam(req, 'rid'), idParam(req, 'gid')];
    return submit(reply, async () => (await saveAnswers(db, req.actor, a.id, rid, gid, { answers: pickPrefixed(body(req), 'answer_') }), roundUrl(a.id, rid)), async (errors) => reply.page(await groupPage(req, a, rid, gid, body(req), errors)));
  });
  app.post('/aftaler/:id/input/:rid/grupper/:gid/stemmer', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    const [rid, gid] = [idParam(req, 'rid'), idParam(req, 'gid')];
    const votes = Object.fromEntries(Object.entries(pickPrefixed(body(req), 'vote_')).map(([k, v]) => [k, str(v).trim() === '' ? 0 : v]));
    return submit(reply, async () => (await saveVotes(db, req.actor, a.id, rid, gid, { votes }), roundUrl(a.id, rid)), async (errors) => {
      const flat = Object.entries(errors).filter(([k]) => k.startsWith('votes')).flatMap(([, v]) => v);
      return reply.page(await groupPage(req, a, rid, gid, body(req), flat.length ? { votes: flat } : errors));
    });
  });

  app.get('/aftaler/:id/input/:rid/spoergsmaal/:qid', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    requireRead(req.actor, a);
    const rid = idParam(req, 'rid');
    const round = await getRound(db, a.id, rid);
    const d = await roundDetails(db, rid);
    const qi = d.questions.findIndex((q) => q.id === idParam(req, 'qid'));
    if (qi < 0) throw notFound('Spørgsmålet findes ikke i runden.');
    const q = d.questions[qi]!;
    const prev = d.questions[qi - 1];
    const next = d.questions[qi + 1];
    return reply.page({
      title: `Svar på spørgsmål ${q.number} – ${round.title}`,
      breadcrumbs: crumbs(a, `Spørgsmål ${q.number}`, { href: roundUrl(a.id, rid), label: round.title }),
      body: (
        <>
          <Styles />
          <h1>{q.text}</h1>
          <p>Alle gruppers svar side om side. {round.title}, {formatDate(round.held_on)}.</p>
          <div class="ramme-side">
            {d.groups.map((g) => {
              const ans = d.answers.find((x) => x.group_id === g.id && x.question_id === q.id);
              return (
                <article aria-label={g.name}>
                  <h2 class="h4">{g.name}</h2>
                  <p>{ans ? ans.text : <em>Intet svar</em>}</p>
                </article>
              );
            })}
          </div>
          <nav aria-label="Andre spørgsmål" class="ramme-actions">
            {prev && <a href={roundUrl(a.id, rid, `/spoergsmaal/${prev.id}`)}>Forrige spørgsmål</a>}
            {next && <a href={roundUrl(a.id, rid, `/spoergsmaal/${next.id}`)}>Næste spørgsmål</a>}
          </nav>
        </>
      ),
    });
  });

  app.get('/aftaler/:id/input/:rid/svar.xlsx', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    requireRead(req.actor, a);
    const rid = idParam(req, 'rid');
    const round = await getRound(db, a.id, rid);
    const d = await roundDetails(db, rid);
    const wb = new ExcelJS.Workbook();
    const side = wb.addWorksheet('Side om side', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
    side.addRow(['Spørgsmål', ...d.groups.map((g) => g.name)]).font = { bold: true };
    for (const q of d.questions) side.addRow([q.text, ...d.groups.map((g) => d.answers.find((x) => x.group_id === g.id && x.question_id === q.id)?.text ?? '')]);
    side.getColumn(1).width = 50;
    const long = wb.addWorksheet('Alle svar');
    long.addRow(['Nr.', 'Spørgsmål', 'Gruppe', 'Svar']).font = { bold: true };
    for (const q of d.questions) for (const g of d.groups) {
      const ans = d.answers.find((x) => x.group_id === g.id && x.question_id === q.id);
      if (ans) long.addRow([q.number, q.text, g.name, ans.text]);
    }
    if (d.candidates.length) {
      const pr = wb.addWorksheet('Prioritering');
      pr.addRow(['Plads', 'Handling', 'Stemmer', 'Grupper']).font = { bold: true };
      for (const t of tallyVotes(d.candidates, d.votes)) pr.addRow([t.rank, t.title, t.votes, t.groups]);
    }
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="inputrunde-${round.id}.xlsx"`)
      .send(buffer);
  });
}
