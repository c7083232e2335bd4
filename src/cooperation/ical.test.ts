/**
 * The iCalendar writer, checked by hand against RFC 5545: escaping, folding at 75 octets (never inside a
 * character), CRLF, and Copenhagen wall-clock times turned into UTC on both sides of the summer-time change.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendar, copenhagenInstant, escapeText, foldLine, utcStamp } from './ical.js';

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and newlines, in that order', () => {
    assert.equal(escapeText('a\\b;c,d\ne\r\nf'), 'a\\\\b\\;c\\,d\\ne\\nf');
  });
});

describe('foldLine', () => {
  it('leaves a line of 75 octets alone and folds the 76th onto a line that begins with a space', () => {
    const line = 'x'.repeat(75);
    assert.equal(foldLine(line), line);
    assert.equal(foldLine(`${line}y`), `${line}\r\n y`);
  });

  it('counts octets, not characters, and never splits æ (two octets)', () => {
    const folded = foldLine(`SUMMARY:${'æ'.repeat(40)}`); // 8 + 80 octets
    const [first, second] = folded.split('\r\n');
    assert.equal(Buffer.byteLength(first!, 'utf8'), 74); // 8 + 33 × 2; a 34th æ would make 76
    assert.equal(second, ` ${'æ'.repeat(7)}`);
  });
});

describe('copenhagenInstant', () => {
  it('is one hour ahead of UTC in winter and two in summer', () => {
    assert.equal(copenhagenInstant('2026-01-15', '09:00').toISOString(), '2026-01-15T08:00:00.000Z');
    assert.equal(copenhagenInstant('2026-06-15', '09:00').toISOString(), '2026-06-15T07:00:00.000Z');
  });

  it('uses summer time from the last Sunday of March (29 March 2026) and winter time from 25 October 2026', () => {
    assert.equal(copenhagenInstant('2026-03-28', '10:00').toISOString(), '2026-03-28T09:00:00.000Z');
    assert.equal(copenhagenInstant('2026-03-29', '10:00').toISOString(), '2026-03-29T08:00:00.000Z');
    assert.equal(copenhagenInstant('2026-10-24', '10:00').toISOString(), '2026-10-24T08:00:00.000Z');
    assert.equal(copenhagenInstant('2026-10-25', '10:00').toISOString(), '2026-10-25T09:00:00.000Z');
  });
});

describe('calendar', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  const text = calendar(
    'Styregruppen, Sjælland',
    [
      {
        uid: 'moede-7@ramme',
        date: '2026-03-12',
        start: '09:30',
        end: '12:00',
        summary: 'Styregruppemøde; marts',
        location: 'Holbæk Rådhus, mødelokale 2',
        description: 'Punkt 1\nPunkt 2',
        url: 'https://ramme.example/samarbejde/moeder/7',
        status: 'CONFIRMED',
        sequence: 3,
      },
    ],
    now,
  );

  it('is the hand-written calendar, line for line, with CRLF line ends', () => {
    assert.equal(
      text,
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Ramme//Samarbejdets møder//DA',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'X-WR-CALNAME:Styregruppen\\, Sjælland',
        'X-WR-TIMEZONE:Europe/Copenhagen',
        'BEGIN:VEVENT',
        'UID:moede-7@ramme',
        'DTSTAMP:20261201T100000Z',
        'DTSTART:20260312T083000Z',
        'DTEND:20260312T110000Z',
        'SUMMARY:Styregruppemøde\\; marts',
        'LOCATION:Holbæk Rådhus\\, mødelokale 2',
        'DESCRIPTION:Punkt 1\\nPunkt 2',
        'URL:https://ramme.example/samarbejde/moeder/7',
        'STATUS:CONFIRMED',
        'SEQUENCE:3',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });

  it('writes UTC stamps without separators or milliseconds', () => {
    assert.equal(utcStamp(new Date('2026-03-12T08:30:00.123Z')), '20260312T083000Z');
  });
});
