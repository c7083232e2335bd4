/**
 * @module The public computations: the split of a change in spending and the forecast of a series, from
 * figures in the request. Nothing is read or saved.
 */
import { requireAccess } from '../core/access/access.js';
import type { Ctx } from '../core/capability.js';
import { decompose } from './decompose.js';
import { forecast } from './forecast.js';
import type { TDecomposeInput, TForecastInput } from './analysis.schema.js';
import './analysis.policy.js';

export function computeDecomposition(ctx: Ctx, input: TDecomposeInput) {
  requireAccess(ctx, 'analysis.compute', null);
  return decompose(input.from, input.to);
}

export function computeForecast(ctx: Ctx, input: TForecastInput) {
  requireAccess(ctx, 'analysis.compute', null);
  const r = forecast(input);
  return { methods: r.methods.map((m) => ({ method: m.method, backtestMape: m.backtestMape, forecast: m.forecast })) };
}
