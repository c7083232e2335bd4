/**
 * @module A small iCalendar writer (RFC 5545) for the meeting feeds: text escaping (backslash, semicolon, comma,
 * newline), line folding at 75 octets without splitting a UTF-8 character, CRLF line ends, and times in UTC
 * (a Copenhagen wall-clock time is turned into the instant it names, summer time included). Pure: no I/O.
 */

export type CalendarEvent = {
  /** Stable over time: the same meeting always has the same UID. */
  uid: string;
  /** Copenhagen date 'YYYY-MM-DD' and wall-clock times 'HH:MM'. */
  date: string;
  start: string;
  end: string;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  status: 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';
  /** The event's revision (SEQUENCE): raised on every change. */
  sequence: number;
};

/** Escapes a TEXT value (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line to at most 75 octets per line, continuation lines beginning with one space (3.1). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (octets + n > limit) {
      out.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space counts
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

const OFFSET_FORMAT = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Copenhagen',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Minutes Copenhagen is ahead of UTC at an instant (60 in winter, 120 in summer). */
function copenhagenOffset(instant: Date): number {
  const parts = Object.fromEntries(OFFSET_FORMAT.formatToParts(instant).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant a Copenhagen wall-clock time names ('2026-03-12', '09:30' → 08:30Z). */
export function copenhagenInstant(date: string, time: string): Date {
  const wall = new Date(`${date}T${time}:00Z`);
  let guess = new Date(wall.getTime() - copenhagenOffset(wall) * 60_000);
  guess = new Date(wall.getTime() - copenhagenOffset(guess) * 60_000);
  return guess;
}

/** An instant as an iCalendar UTC DATE-TIME: 20260312T083000Z. */
export const utcStamp = (d: Date): string =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** The whole calendar: VCALENDAR with one VEVENT per event, CRLF line ends, folded lines. */
export function calendar(name: string, events: readonly CalendarEvent[], now: Date): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Ramme//Samarbejdets møder//DA', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  lines.push(`X-WR-CALNAME:${escapeText(name)}`, 'X-WR-TIMEZONE:Europe/Copenhagen');
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${utcStamp(now)}`,
      `DTSTART:${utcStamp(copenhagenInstant(e.date, e.start))}`,
      `DTEND:${utcStamp(copenhagenInstant(e.date, e.end))}`,
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push(`STATUS:${e.status}`, `SEQUENCE:${e.sequence}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
