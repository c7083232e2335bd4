/**
 * @module The audit log's filters (the page's GET form).
 */
import { z } from 'zod';
import type { AuditAction } from '../core/audit.js';
import { zDate } from '../core/validation.js';

export const ACTION_LABELS: Record<AuditAction, string> = {
  create: 'Oprettet',
  update: 'Ændret',
  delete: 'Slettet',
  sign_in: 'Logget ind',
  sign_in_failed: 'Mislykket login',
  sign_out: 'Logget ud',
};

export const ZAuditQuery = z.object({
  entity: z.string().max(60).optional(),
  user: z.string().max(60).optional(),
  organisation: z.coerce.number().int().positive().max(2147483647).optional(),
  action: z.enum(['create', 'update', 'delete', 'sign_in', 'sign_in_failed', 'sign_out']).optional(),
  from: zDate.optional(),
  to: zDate.optional(),
  entityId: z.string().max(60).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;
