/**
 * @module Routes of the reminders page (`/profil/paamindelser`): read and save one's own choice.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError, type FieldErrors } from '../../core/errors.js';
import { reminderPage, saveReminderSettings } from '../reminders.service.js';
import { RemindersPage } from './reminders.view.js';

const crumbs = [{ href: '/', label: 'Forside' }, { href: '/profil', label: 'Min profil' }, { label: 'Påmindelser' }];

async function show(req: FastifyRequest, reply: FastifyReply, extra: { values?: Record<string, unknown>; errors?: FieldErrors } = {}) {
  const saved = (req.query as Record<string, unknown> | undefined)?.gemt === '1';
  return reply.page({
    title: 'Påmindelser',
    status: extra.errors ? 400 : undefined,
    breadcrumbs: crumbs,
    body: <RemindersPage {...(await reminderPage(req.ctx))} csrf={req.csrf} saved={saved && !extra.errors} {...extra} />,
  });
}

export function reminderPages(app: FastifyInstance) {
  app.get('/profil/paamindelser', { schema: { hide: true } }, (req, reply) => show(req, reply));
  app.post('/profil/paamindelser', { schema: { hide: true } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    try {
      await saveReminderSettings(req.ctx, { email: body.email ?? '', daysBefore: body.daysBefore ?? '', wanted: body.wanted });
    } catch (error) {
      if (error instanceof HttpError && error.statusCode === 400) return show(req, reply, { values: body, errors: error.fieldErrors });
      throw error;
    }
    return reply.redirect('/profil/paamindelser?gemt=1', 303);
  });
}
