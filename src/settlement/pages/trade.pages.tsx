/**
 * @module Routes of the trade pages: the matrix of an area and year (also as Excel: `format=xlsx`) and the rows
 * behind one cell. GET forms only.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { toXlsx } from '../../core/tabular/xlsx.js';
import { ZTradeCellQuery, ZTradePageQuery } from '../settlement.schema.js';
import { tradeSheets } from '../trade.export.js';
import { tradeCell, tradeView } from '../trade.service.js';
import { TradeCellPage, TradePage } from './trade.view.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const crumbs = [{ href: '/', label: 'Forside' }];

export function tradePages(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/samhandel', { schema: { hide: true, querystring: ZTradePageQuery } }, async (req, reply) => {
    const v = await tradeView(req.ctx, { areaId: req.query.omraade, year: req.query.aar });
    if (req.query.format === 'xlsx')
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="samhandel-${v.area.id}-${v.year}.xlsx"`)
        .send(await toXlsx(tradeSheets(v)));
    return reply.page({
      title: `Samhandel ${v.year}`,
      breadcrumbs: [...crumbs, { label: 'Samhandel' }],
      body: <TradePage v={v} />,
    });
  });

  app.get('/samhandel/celle', { schema: { hide: true, querystring: ZTradeCellQuery } }, async (req, reply) => {
    const q = req.query;
    const v = await tradeCell(req.ctx, { areaId: q.omraade, year: q.aar, buyerOrgId: q.koeber, sellerOrgId: q.saelger });
    return reply.page({
      title: `Samhandel ${v.year}: ${v.buyer?.name ?? ''} og ${v.seller?.name ?? ''}`,
      breadcrumbs: [...crumbs, { href: `/samhandel?omraade=${v.area.id}&aar=${v.year}`, label: 'Samhandel' }, { label: `${v.buyer?.name ?? ''}` }],
      body: <TradeCellPage v={v} />,
    });
  });
}
