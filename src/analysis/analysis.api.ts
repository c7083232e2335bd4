/**
 * @module JSON API of analysis (tag "Analyse"): the split of a change in spending (LMDI) and the forecast of
 * a series with its backtest, both open to anyone and saving nothing.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../core/http/schemas.js';
import { ZDecomposeInput, ZDecomposition, ZForecastInput, ZForecastResponse } from './analysis.schema.js';
import { computeDecomposition, computeForecast } from './compute.service.js';

const tags = ['Analyse'];
const errors = { 400: ZErrorResponse };

export function analysisApi(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/analysis/decompose',
    {
      config: { csrf: false },
      schema: {
        summary: 'Hvorfor vokser udgiften? Del en ændring i demografi, brugerandel og enhedsudgift (offentlig, gemmer intet)',
        description:
          'Udgift S = befolkning P × brugerandel R/P × enhedsudgift S/R. Med det logaritmiske gennemsnit L(a,b) = (a−b)/(ln a − ln b) er hver effekt L(S1,S0) × ln(x1/x0). ' +
          'Beløb i kroner med to decimaler; afrundingsresten lægges på enhedsudgiftseffekten, så de tre effekter giver den samlede ændring på øret. Alle tal skal være større end 0.',
        tags,
        security: [],
        body: ZDecomposeInput,
        response: { 200: ZDecomposition, ...errors },
      },
    },
    async (req) => computeDecomposition(req.ctx, req.body),
  );

  app.post(
    '/api/analysis/forecast',
    {
      config: { csrf: false },
      schema: {
        summary: 'Prognose af en tidsserie med to metoder og deres fejl på tidligere år (offentlig, gemmer intet)',
        description:
          '`trend`: mindste kvadraters linje af værdi på år. `rate`: gennemsnittet af værdi ÷ befolkning over de sidste tre år × den fremskrevne befolkning. ' +
          'Backtest: de sidste tre historiske år holdes ude, metoden tilpasses på årene før, og fejlen er MAPE i %. Mindst fem år historik uden huller; befolkningen skal dække horisonten.',
        tags,
        security: [],
        body: ZForecastInput,
        response: { 200: ZForecastResponse, ...errors },
      },
    },
    async (req) => computeForecast(req.ctx, req.body),
  );
}
