/**
 * @module The SQL of an area's yearly report that no other part of the cooperation has: the central announcements
 * the area sent its report on in the year (with the deadline in force), and the meetings each of the area's
 * bodies held in the year.
 */
import { sql } from 'kysely';
import type { Queryable } from '../core/db/types.js';

/** Announcements whose report the area sent in [from, to], in the order sent. */
export async function announcementsAnswered(db: Queryable, areaId: number, from: string, to: string) {
  return db
    .selectFrom('coop_announcement_area as x')
    .innerJoin('coop_announcement as an', 'an.id', 'x.announcement_id')
    .select([
      'an.id',
      'an.title',
      'an.target_group',
      'an.is_joint',
      'x.status',
      sql<string>`an.issued_on::text`.as('issued_on'),
      sql<string>`coalesce((select max(e.new_deadline) from coop_announcement_extension e
        where e.announcement_id = an.id and e.status = 'bevilget' and e.new_deadline > an.deadline), an.deadline)::text`.as('deadline'),
      sql<string>`x.sent_on::text`.as('sent_on'),
    ])
    .where('x.area_id', '=', areaId)
    .where('x.sent_on', '>=', from)
    .where('x.sent_on', '<=', to)
    .orderBy('x.sent_on')
    .orderBy('an.id')
    .execute();
}

/** The area's bodies that held meetings in [from, to], with the number held, by name. */
export async function meetingsHeld(db: Queryable, areaId: number, from: string, to: string) {
  return db
    .selectFrom('coop_meeting as m')
    .innerJoin('coop_body as b', 'b.id', 'm.body_id')
    .select(['b.id', 'b.name', (eb) => eb.fn.countAll<string>().as('held')])
    .where('b.area_id', '=', areaId)
    .where('m.status', '=', 'afholdt')
    .where('m.meeting_date', '>=', from)
    .where('m.meeting_date', '<=', to)
    .groupBy(['b.id', 'b.name'])
    .orderBy('b.name')
    .orderBy('b.id')
    .execute();
}
