/**
 * @module The hearing: versions of the agreement text, comments per section, the secretariat's answers, and the
 * next version whose changelog links the comments it answers.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../core/capability.js';
import type { PageOptions } from '../../core/http/app.js';
import { today } from '../../core/auth/auth.service.js';
import type { FieldErrors } from '../../core/errors.js';
import { notFound } from '../../core/errors.js';
import { CheckboxGroup, CsrfField, ErrorSummary, Field, Select, TextArea, formatDate } from '../../core/web/components.js';
import { asArray } from '../../core/validation.js';
import { canActForOrganisation, requireRead, requireSecretariat } from '../access.js';
import { allVocabulary, getAgreement, versionsOf, type AgreementRow } from '../agreements.repo.js';
import { formatCount } from '../logic.js';
import { addComment, commentsOf, createVersion, getVersion, respondToComment, type CommentRow } from '../hearing.service.js';
import { SubNav, Styles, Tag, agreementUrl, body, canEdit, crumbs, idParam, str, submit } from './shared.js';

const LABELS: Record<string, string> = { changelog: 'Ændringslog', addressed_comment_ids: 'Høringssvar, versionen besvarer', section_key: 'Afsnit', text: 'Høringssvar', response: 'Svar', response_reason: 'Begrundelse', hearing_until: 'Høringsfrist' };
export const commentAnchor = (id: number) => `hoeringssvar-${id}`;

/** The section a comment is about, as readers know it ("Afsnit 1: Indledning"), never the technical key. */
const sectionName = (versions: ReadonlyArray<{ id: number; content: ReadonlyArray<{ key: string; label: string; title: string }> }>, c: Pick<CommentRow, 'version_id' | 'section_key'>) => {
  const s = versions.find((v) => v.id === c.version_id)?.content.find((x) => x.key === c.section_key);
  return s ? `${s.label}: ${s.title}` : 'et afsnit, der ikke længere findes';
};

/** Why the user sees no comment form, and who can comment: any signed-in user for their organisation, except readers. */
const WhoMayComment = ({ isSignedIn, next }: { isSignedIn: boolean; next: string }) =>
  isSignedIn ? (
    <p>Du har rollen Læser og kan derfor ikke afgive høringssvar. Høringssvar afgives af brugere med en anden rolle end Læser på vegne af deres organisation.</p>
  ) : (
    <p>Høringssvar afgives af organisationer, der er logget ind. <a href={`/login?next=${encodeURIComponent(next)}`}>Log ind</a> for at afgive høringssvar på vegne af din organisation.</p>
  );

export function hearingPages(app: FastifyInstance, { db }: AppContext) {
  const hearingPage = async (req: FastifyRequest, a: AgreementRow, values: Record<string, unknown> = {}, errors?: FieldErrors): Promise<PageOptions> => {
    const [versions, comments, vocab] = await Promise.all([versionsOf(db, a.id), commentsOf(db, a.id), allVocabulary(db)]);
    const edit = canEdit(req, a);
    const inHearing = a.status === 'i_hoering' ? versions.find((v) => v.id === a.hearing_version_id) : undefined;
    const addressable = comments.filter((c) => c.response && c.addressed_in_version_id === null);
    return {
      title: `Høring – ${a.title}`,
      status: errors ? 400 : undefined,
      breadcrumbs: crumbs(a, 'Høring'),
      body: (
        <>
          <Styles />
          <h1>Høring og versioner</h1>
          <SubNav agreement={a} current="/hoering" />
          {inHearing ? (
            <p class="font-lead">
              <Tag tone="warn">I høring</Tag> Version {inHearing.number} er i høring{inHearing.hearing_until ? ` til og med ${formatDate(inHearing.hearing_until)}` : ''}. <a href={agreementUrl(a.id, `/versioner/${inHearing.id}`)}>{canActForOrganisation(req.actor) ? `Læs version ${inHearing.number} og afgiv høringssvar` : `Læs version ${inHearing.number}`}</a>
            </p>
          ) : (
            <p>Aftalen er ikke i høring lige nu.</p>
          )}
          {inHearing && !canActForOrganisation(req.actor) && <WhoMayComment isSignedIn={!!req.actor} next={agreementUrl(a.id, `/versioner/${inHearing.id}`)} />}
          {edit && a.status === 'under_udarbejdelse' && versions.length > 0 && (
            <form method="post" action={agreementUrl(a.id, '/status')}>
              <CsrfField token={req.csrf} />
              <input type="hidden" name="status" value="i_hoering" />
              <Field name="hearing_until" label="Høringsfrist" type="date" required hint={`Version ${versions.at(-1)!.number} sendes i høring.`} />
              <button type="submit" class="button button-primary">Send version {versions.at(-1)!.number} i høring</button>
            </form>
          )}
          <h2>Versioner</h2>
          {versions.length === 0 ? <p>Ingen versioner endnu. Sekretariatet udgiver første version, når indholdet er klar.</p> : (
            <div class="ramme-table-wrap" tabindex={0}>
              <table class="table table--compact">
                <caption>{formatCount(versions.length, 'version', 'versioner')} af aftaleteksten</caption>
                <thead><tr><th scope="col">Version</th><th scope="col">Udgivet</th><th scope="col">Ændringslog</th><th scope="col" class="ramme-num">Høringssvar</th></tr></thead>
                <tbody>
                  {versions.map((v) => (
                    <tr>
                      <td><a href={agreementUrl(a.id, `/versioner/${v.id}`)}>Version {v.number}</a></td>
                      <td>{formatDate(v.created_on)}</td>
                      <td>{v.changelog ?? ''}</td>
                      <td class="ramme-num">{comments.filter((c) => c.version_id === v.id).length}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h2>Høringssvar</h2>
          {comments.length === 0 ? <p>Ingen høringssvar.</p> : (
            <div class="ramme-table-wrap" tabindex={0}>
              <table class="table table--compact">
                <caption>{comments.length} høringssvar med sekretariatets svar</caption>
                <thead><tr><th scope="col">Nr.</th><th scope="col">Afsnit</th><th scope="col">Fra</th><th scope="col">Høringssvar</th><th scope="col">Sekretariatets svar</th><th scope="col">Behandlet i</th></tr></thead>
                <tbody>
                  {comments.map((c) => {
                    return (
                      <tr id={commentAnchor(c.id)}>
                        <td>{c.id}</td>
                        <td>Version {c.version_number}: {sectionName(versions, c)}</td>
                        <td>{c.organisation_name}</td>
                        <td>{c.text}</td>
                        <td>
                          {c.response ? (<><Tag tone={vocab.tone('svar', c.response)}>{vocab.label('svar', c.response)}</Tag> {c.response_reason}</>) : <Tag tone="none">Ikke besvaret</Tag>}
                          {edit && <> <a href={agreementUrl(a.id, `/hoeringssvar/${c.id}`)}>{c.response ? 'Ret svar' : 'Besvar'}<span class="sr-only"> høringssvar {c.id}</span></a></>}
                        </td>
                        <td>{c.addressed_in_version_id ? <a href={agreementUrl(a.id, `/versioner/${c.addressed_in_version_id}`)}>Version {c.addressed_in_version_number}</a> : '–'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {edit && (
            <section aria-labelledby="ny-version">
              <h2 id="ny-version">Udgiv ny version</h2>
              <p>Versionen dannes af aftalens nuværende indhold: afsnit, fokusområder med målsætninger og indikatorer, og principper med tilsagn.</p>
              <ErrorSummary errors={errors} labels={LABELS} />
              <form method="post" action={agreementUrl(a.id, '/versioner')}>
                <CsrfField token={req.csrf} />
                <TextArea name="changelog" label="Ændringslog" value={str(values.changelog)} errors={errors} required maxlength={10000} hint="Hvad er ændret siden sidste version, og hvorfor." />
                {addressable.length > 0 && (
                  <CheckboxGroup name="addressed_comment_ids" legend="Høringssvar, versionen besvarer" values={values.addressed_comment_ids ? asArray(values.addressed_comment_ids).map(String) : addressable.map((c) => String(c.id))} options={addressable.map((c) => ({ value: String(c.id), label: `Nr. ${c.id} fra ${c.organisation_name}: ${c.text.slice(0, 80)}` }))} errors={errors} />
                )}
                <button type="submit" class="button button-primary">Udgiv version {(versions.at(-1)?.number ?? 0) + 1}</button>
              </form>
            </section>
          )}
        </>
      ),
    };
  };
  app.get('/aftaler/:id/hoering', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    requireRead(req.actor, a);
    return reply.page(await hearingPage(req, a));
  });
  app.post('/aftaler/:id/versioner', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    const b = body(req);
    const input = { changelog: b.changelog, addressed_comment_ids: asArray(b.addressed_comment_ids) };
    return submit(reply, async () => agreementUrl(a.id, `/versioner/${(await createVersion(db, req.actor, a.id, input)).id}`), async (errors) => reply.page(await hearingPage(req, a, b, errors)));
  });

  const versionPage = async (req: FastifyRequest, a: AgreementRow, vid: number, values: Record<string, unknown> = {}, errors?: FieldErrors): Promise<PageOptions> => {
    const v = await getVersion(db, a.id, vid);
    const [comments, versions] = await Promise.all([commentsOf(db, a.id), versionsOf(db, a.id)]);
    const answered = comments.filter((c) => c.addressed_in_version_id === v.id);
    const own = comments.filter((c) => c.version_id === v.id);
    const isOpen = a.status === 'i_hoering' && a.hearing_version_id === v.id && (!v.hearing_until || today() <= v.hearing_until);
    const mayComment = isOpen && canActForOrganisation(req.actor);
    return {
      title: `Version ${v.number} – ${a.title}`,
      status: errors ? 400 : undefined,
      breadcrumbs: crumbs(a, `Version ${v.number}`, { href: agreementUrl(a.id, '/hoering'), label: 'Høring' }),
      body: (
        <>
          <Styles />
          <h1>{a.title}, version {v.number}</h1>
          <p>Udgivet {formatDate(v.created_on)}{v.hearing_until ? ` · høringsfrist ${formatDate(v.hearing_until)}` : ''}{isOpen ? ' · i høring nu' : ''}.</p>
          <section aria-labelledby="log-h">
            <h2 id="log-h">Ændringslog</h2>
            <p>{v.changelog ?? '–'}</p>
            {answered.length > 0 && (
              <>
                <p>Versionen besvarer disse høringssvar:</p>
                <ul>
                  {answered.map((c) => (
                    <li><a href={`${agreementUrl(a.id, '/hoering')}#${commentAnchor(c.id)}`}>Høringssvar nr. {c.id} fra {c.organisation_name}</a> (version {c.version_number}, {sectionName(versions, c)})</li>
                  ))}
                </ul>
              </>
            )}
          </section>
          {isOpen && !mayComment && <WhoMayComment isSignedIn={!!req.actor} next={agreementUrl(a.id, `/versioner/${v.id}`)} />}
          {mayComment && (
            <section aria-labelledby="kommentar-h">
              <h2 id="kommentar-h">Afgiv høringssvar</h2>
              <p>Du svarer for {req.actor!.organisationName}. Vælg det afsnit, svaret handler om.</p>
              <ErrorSummary errors={errors} labels={LABELS} />
              <form method="post" action={agreementUrl(a.id, `/versioner/${v.id}/hoeringssvar`)}>
                <CsrfField token={req.csrf} />
                <Select name="section_key" label="Afsnit" value={str(values.section_key)} options={v.content.map((s) => ({ value: s.key, label: `${s.label}: ${s.title}` }))} errors={errors} />
                <TextArea name="text" label="Høringssvar" value={str(values.text)} errors={errors} required rows={6} maxlength={10000} />
                <button type="submit" class="button button-primary">Send høringssvar</button>
              </form>
            </section>
          )}
          <nav aria-labelledby="toc-h" class="ramme-toc">
            <h2 id="toc-h">Indhold</h2>
            <ol>{v.content.map((s) => <li><a href={`#${s.key}`}>{s.label}: {s.title}</a></li>)}</ol>
          </nav>
          {v.content.map((s) => {
            const cs = own.filter((c) => c.section_key === s.key);
            return (
              <section id={s.key} aria-labelledby={`${s.key}-h`}>
                <h2 id={`${s.key}-h`}>{s.label}: {s.title}</h2>
                <p class="ramme-pre">{s.text}</p>
                {cs.length > 0 && <p><a href={`${agreementUrl(a.id, '/hoering')}#${commentAnchor(cs[0]!.id)}`}>{cs.length} høringssvar til dette afsnit</a></p>}
              </section>
            );
          })}
        </>
      ),
    };
  };
  app.get('/aftaler/:id/versioner/:vid', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    requireRead(req.actor, a);
    return reply.page(await versionPage(req, a, idParam(req, 'vid')));
  });
  app.post('/aftaler/:id/versioner/:vid/hoeringssvar', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    const vid = idParam(req, 'vid');
    return submit(reply, async () => `${agreementUrl(a.id, '/hoering')}#${commentAnchor(await addComment(db, req.actor, a.id, vid, body(req)))}`, async (errors) => reply.page(await versionPage(req, a, vid, body(req), errors)));
  });

  const responsePage = async (req: FastifyRequest, a: AgreementRow, cid: number, values?: Record<string, unknown>, errors?: FieldErrors): Promise<PageOptions> => {
    const c = (await commentsOf(db, a.id)).find((x) => x.id === cid);
    if (!c) throw notFound('Høringssvaret findes ikke.');
    const [vocab, versions] = await Promise.all([allVocabulary(db), versionsOf(db, a.id)]);
    const v = values ?? { response: c.response, response_reason: c.response_reason };
    return {
      title: `Besvar høringssvar ${c.id}`,
      status: errors ? 400 : undefined,
      breadcrumbs: crumbs(a, `Høringssvar ${c.id}`, { href: agreementUrl(a.id, '/hoering'), label: 'Høring' }),
      body: (
        <>
          <h1>Besvar høringssvar nr. {c.id}</h1>
          <p><strong>{c.organisation_name}</strong> om {sectionName(versions, c)} i version {c.version_number}:</p>
          <blockquote><p>{c.text}</p></blockquote>
          <ErrorSummary errors={errors} labels={LABELS} />
          <form method="post" action={agreementUrl(a.id, `/hoeringssvar/${c.id}`)}>
            <CsrfField token={req.csrf} />
            <Select name="response" label="Svar" value={str(v.response) || 'taget_ind'} options={vocab.list('svar').map((s) => ({ value: s.code, label: s.label }))} errors={errors} />
            <TextArea name="response_reason" label="Begrundelse" value={str(v.response_reason)} errors={errors} required maxlength={4000} />
            <button type="submit" class="button button-primary">Gem svar</button>
          </form>
        </>
      ),
    };
  };
  app.get('/aftaler/:id/hoeringssvar/:cid', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    requireSecretariat(req.actor, a);
    return reply.page(await responsePage(req, a, idParam(req, 'cid')));
  });
  app.post('/aftaler/:id/hoeringssvar/:cid', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    const cid = idParam(req, 'cid');
    return submit(reply, async () => (await respondToComment(db, req.actor, a.id, cid, body(req)), `${agreementUrl(a.id, '/hoering')}#${commentAnchor(cid)}`), async (errors) => reply.page(await responsePage(req, a, cid, body(req), errors)));
  });
}
