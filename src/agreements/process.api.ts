/**
 * @module JSON API for an agreement's process: phases and milestones, council decisions, hearing versions and
 * comments, and input rounds with their groups' answers and votes. See agreements.api.ts for reading and content.
 */
import type { FastifyInstance } from 'fastify';
import { agreementRoutes } from './agreements.api-route.js';
import * as A from './agreements.api-schema.js';
import * as S from './agreements.schema.js';
import { addComment, createVersion, respondToComment } from './hearing.service.js';
import { createGroup, createRound, saveAnswers, saveVotes } from './input.service.js';
import { completeMilestone, saveMilestone, savePhase, setApproval } from './process.service.js';

export function agreementProcessApi(app: FastifyInstance) {
  const { route, created, ok } = agreementRoutes(app);

  // Process and approval ------------------------------------------------------------------------------------
  route('POST', '/api/agreements/:id/phases', {
    summary: 'Tilføj en fase til procesplanen (sekretariatet)',
    params: A.ZAgreementParams,
    body: S.ZPhase,
    response: A.ZCreated,
    created: true,
    run: (req, p) => created(savePhase(req.ctx, p.id, null, req.body)),
  });
  route('POST', '/api/agreements/:id/milestones', {
    summary: 'Tilføj en milepæl (sekretariatet)',
    params: A.ZAgreementParams,
    body: S.ZMilestone,
    response: A.ZCreated,
    created: true,
    run: (req, p) => created(saveMilestone(req.ctx, p.id, null, req.body)),
  });
  route('PUT', '/api/agreements/:id/milestones/:milestoneId', {
    summary: 'Ret en milepæl (sekretariatet)',
    params: A.ZMilestoneParams,
    body: S.ZMilestone,
    response: A.ZCreated,
    run: (req, p) => created(saveMilestone(req.ctx, p.id, p.milestoneId, req.body)),
  });
  route('POST', '/api/agreements/:id/milestones/:milestoneId/done', {
    summary: 'Markér en milepæl som gennemført i dag (sekretariatet)',
    params: A.ZMilestoneParams,
    response: A.ZOk,
    run: (req, p) => ok(completeMilestone(req.ctx, p.id, p.milestoneId)),
  });
  route('PUT', '/api/agreements/:id/approvals/:organisationId', {
    summary: 'Registrér et byråds/regionsråds beslutning (medlemmet selv eller sekretariatet)',
    params: A.ZOrganisationParams,
    body: S.ZApproval,
    response: A.ZApprovalResult,
    run: (req, p) => setApproval(req.ctx, p.id, p.organisationId, req.body),
  });

  // Versions and hearing ------------------------------------------------------------------------------------
  route('POST', '/api/agreements/:id/versions', {
    summary: 'Udgiv en ny version af aftaleteksten med ændringslog og de høringssvar, den besvarer (sekretariatet)',
    params: A.ZAgreementParams,
    body: S.ZVersion,
    response: A.ZVersionCreated,
    created: true,
    run: (req, p) => createVersion(req.ctx, p.id, req.body),
  });
  route('POST', '/api/agreements/:id/versions/:versionId/comments', {
    summary: 'Afgiv høringssvar til et afsnit i versionen i høring',
    params: A.ZVersionParams,
    body: S.ZComment,
    response: A.ZCreated,
    created: true,
    run: (req, p) => created(addComment(req.ctx, p.id, p.versionId, req.body)),
  });
  route('PUT', '/api/agreements/:id/comments/:commentId/response', {
    summary: 'Besvar et høringssvar: taget ind, delvist taget ind eller ikke taget ind, med begrundelse (sekretariatet)',
    params: A.ZCommentParams,
    body: S.ZResponse,
    response: A.ZOk,
    run: (req, p) => ok(respondToComment(req.ctx, p.id, p.commentId, req.body)),
  });

  // Input rounds --------------------------------------------------------------------------------------------
  route('POST', '/api/agreements/:id/rounds', {
    summary: 'Opret en inputrunde (dialogmøde, workshop, seminar), evt. som prioritering (sekretariatet)',
    params: A.ZAgreementParams,
    body: S.ZRound,
    response: A.ZCreated,
    created: true,
    run: (req, p) => created(createRound(req.ctx, p.id, req.body)),
  });
  route('POST', '/api/agreements/:id/rounds/:roundId/groups', {
    summary: 'Tilføj en deltagergruppe (sekretariatet: alle slags; medlemmer: egen organisation)',
    params: A.ZRoundParams,
    body: S.ZGroup,
    response: A.ZCreated,
    created: true,
    run: (req, p) => created(createGroup(req.ctx, p.id, p.roundId, req.body)),
  });
  route('PUT', '/api/agreements/:id/rounds/:roundId/groups/:groupId/answers', {
    summary: 'Gem en gruppes svar: { answers: { "<spørgsmåls-id>": "tekst" } }',
    params: A.ZGroupParams,
    body: S.ZAnswers,
    response: A.ZOk,
    run: (req, p) => ok(saveAnswers(req.ctx, p.id, p.roundId, p.groupId, req.body)),
  });
  route('PUT', '/api/agreements/:id/rounds/:roundId/groups/:groupId/votes', {
    summary: 'Gem en gruppes stemmer: { votes: { "<handlings-id>": antal } } inden for rundens stemmetal',
    params: A.ZGroupParams,
    body: S.ZVotes,
    response: A.ZOk,
    run: (req, p) => ok(saveVotes(req.ctx, p.id, p.roundId, p.groupId, req.body)),
  });
}
