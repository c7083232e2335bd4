/**
 * @module The public settlement calculation: anyone may check an amount; nothing is read or saved.
 */
import { requireAccess } from '../core/access/access.js';
import type { Ctx } from '../core/capability.js';
import { calculateSettlement } from './calculation.js';
import { toCalcLines, type TCalculateRequest } from './calculation.schema.js';

export function calculatePublic(ctx: Ctx, request: TCalculateRequest) {
  requireAccess(ctx, 'settlement.calculate', null);
  return calculateSettlement(request.month, toCalcLines(request));
}
