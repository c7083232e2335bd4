/**
 * @module The printable capacity analysis of an area (web page and PDF): supply (places per target group and
 * offering type), use (occupancy over time, where citizens are placed), trends and forecasts per target group with
 * their errors and the places needed, and the municipalities' assessments — built from the same services as the
 * pages, so the numbers agree.
 */
import type { Ctx } from '../core/capability.js';
import { compiledAssessments } from './assessment.service.js';
import { capacityView } from './capacity.service.js';
import { forecastPage } from './forecast.service.js';
import { groups } from './analysis.repository.js';

export async function capacityReport(ctx: Ctx, query: { area?: string }) {
  const capacity = await capacityView(ctx, { area: query.area }); // the access check: the area's secretariat and members
  const allGroups = await groups(ctx.db);
  const forecasts = await Promise.all(allGroups.map((g) => forecastPage(ctx, { group: g.code, area: capacity.area.code })));
  const assessments = await compiledAssessments(ctx, { area: capacity.area.code, year: Number(capacity.today.slice(0, 4)) - 1 });
  return { capacity, forecasts, assessments, title: `Kapacitetsanalyse ${capacity.today.slice(0, 4)}: ${capacity.area.name}` };
}
export type CapacityReport = Awaited<ReturnType<typeof capacityReport>>;
