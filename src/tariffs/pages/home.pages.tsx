/**
 * @module Routes of the tariffs front page and an offering's tariff history: validate, call one service, render.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { offeringTariffs, tariffsHome } from '../home.service.js';
import { offeringTariffsPage, tariffsHomePage } from './home.view.js';
import { paramsOf, queryOf, zPageId } from './http.js';

const ZOffering = z.object({ offeringId: zPageId });

export function homePages(app: FastifyInstance) {
  app.get('/takster', { schema: { hide: true } }, async (req, reply) => {
    const data = await tariffsHome(req.ctx);
    return reply.page(tariffsHomePage({ ...data, isDeleted: queryOf(req).slettet === '1' }));
  });

  app.get('/takster/tilbud/:offeringId', { schema: { hide: true } }, async (req, reply) => {
    const { offeringId } = paramsOf(ZOffering, req, 'Tilbuddet findes ikke.');
    return reply.page(offeringTariffsPage(await offeringTariffs(req.ctx, offeringId)));
  });
}
