/**
 * @module The profile page, where a user creates and revokes personal API tokens.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FieldErrors } from '../../errors.js';
import { CPR_MESSAGE } from '../../cpr.js';
import { CONTROL_MESSAGE } from '../../strings.js';
import { zText } from '../../validation.js';
import { createOwnApiToken, profile, revokeOwnApiToken } from '../auth.service.js';
import { ProfilePage, type ProfilePageModel } from './profile.view.js';

const ZTokenName = z.object({ name: zText(80) });

export function profilePages(app: FastifyInstance) {
  const profilePage = async (req: FastifyRequest, reply: FastifyReply, extra: Pick<ProfilePageModel, 'created' | 'errors'> = {}) => {
    const { actor, tokens } = await profile(req.ctx);
    return reply.page({
      title: 'Min profil',
      status: extra.errors ? 400 : 200,
      breadcrumbs: [{ href: '/', label: 'Forside' }, { label: 'Min profil' }],
      body: <ProfilePage csrf={req.csrf} actor={actor} tokens={tokens} {...extra} />,
    });
  };

  app.get('/profil', { schema: { hide: true } }, async (req, reply) => profilePage(req, reply));

  app.post('/profil/noegler', { schema: { hide: true } }, async (req, reply) => {
    const parsed = ZTokenName.safeParse({ name: (req.body as Record<string, unknown>)?.name ?? '' });
    if (!parsed.success) {
      // A CPR number or a control character is named as such; otherwise say what the field needs.
      const message = parsed.error.issues.find((i) => i.message === CPR_MESSAGE || i.message === CONTROL_MESSAGE)?.message;
      const errors: FieldErrors = { name: [message ?? 'Skriv et navn på nøglen (højst 80 tegn).'] };
      return profilePage(req, reply, { errors });
    }
    const { token } = await createOwnApiToken(req.ctx, parsed.data.name);
    return profilePage(req, reply, { created: { name: parsed.data.name, token } });
  });

  app.post('/profil/noegler/:id/tilbagekald', { schema: { hide: true } }, async (req, reply) => {
    await revokeOwnApiToken(req.ctx, Number((req.params as { id: string }).id));
    return reply.redirect('/profil', 303);
  });
}
