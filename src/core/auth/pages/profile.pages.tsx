/**
 * @module The profile page, where a user creates and revokes personal API tokens.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../errors.js';
import { createOwnApiToken, profile, revokeOwnApiToken } from '../auth.service.js';
import { ProfilePage, type ProfilePageModel } from './profile.view.js';

export function profilePages(app: FastifyInstance) {
  const profilePage = async (req: FastifyRequest, reply: FastifyReply, extra: Partial<Pick<ProfilePageModel, 'created' | 'errors' | 'values'>> = {}) => {
    const { actor, tokens, defaultExpiry } = await profile(req.ctx);
    return reply.page({
      title: 'Min profil',
      status: extra.errors ? 400 : 200,
      breadcrumbs: [{ href: '/', label: 'Forside' }, { label: 'Min profil' }],
      body: <ProfilePage csrf={req.csrf} actor={actor} tokens={tokens} defaultExpiry={defaultExpiry} {...extra} />,
    });
  };

  app.get('/profil', { schema: { hide: true } }, async (req, reply) => profilePage(req, reply));

  app.post('/profil/noegler', { schema: { hide: true } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values = { name: String(body.name ?? ''), expiresOn: String(body.expiresOn ?? '') };
    try {
      const created = await createOwnApiToken(req.ctx, values);
      return profilePage(req, reply, { created });
    } catch (error) {
      if (error instanceof HttpError && error.statusCode === 400) return profilePage(req, reply, { errors: error.fieldErrors, values });
      throw error;
    }
  });

  app.post('/profil/noegler/:id/tilbagekald', { schema: { hide: true } }, async (req, reply) => {
    await revokeOwnApiToken(req.ctx, Number((req.params as { id: string }).id));
    return reply.redirect('/profil', 303);
  });
}
