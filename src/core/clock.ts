/**
 * @module The one clock. Every "now" and "today" in Ramme comes from the clock in the app context, which
 * answers in Danish time (Europe/Copenhagen). Tests fix it with `fixedClock`.
 */
export const TIME_ZONE = 'Europe/Copenhagen';

export type Clock = {
  /** The current instant. */
  now: () => Date;
  /** Today's date in Copenhagen as 'YYYY-MM-DD'. */
  today: () => string;
};

const dateInCopenhagen = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Copenhagen calendar date of an instant ('YYYY-MM-DD'). */
export const copenhagenDate = (instant: Date): string => dateInCopenhagen.format(instant);

// Copenhagen's offset from UTC is a whole number of hours, so its date can only change on a whole UTC
// minute: remember the date per minute (it is asked on every request; Intl formatting costs ~40 µs).
let memoMinute = Number.NaN;
let memoDate = '';
const todayInCopenhagen = (): string => {
  const minute = Math.floor(Date.now() / 60_000);
  if (minute !== memoMinute) {
    memoDate = copenhagenDate(new Date(minute * 60_000));
    memoMinute = minute;
  }
  return memoDate;
};

export const systemClock: Clock = {
  now: () => new Date(),
  today: todayInCopenhagen,
};

/** A clock that always answers the given instant (ISO string with offset, or a Date). */
export function fixedClock(instant: string | Date): Clock {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) throw new Error(`fixedClock: ugyldigt tidspunkt ${String(instant)}`);
  return { now: () => new Date(at.getTime()), today: () => copenhagenDate(at) };
}

/** The clock from the environment: `RAMME_CLOCK=2026-12-01T23:30:00Z` fixes it (tests and demos), else the system's. */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  return env.RAMME_CLOCK ? fixedClock(env.RAMME_CLOCK) : systemClock;
}

/** Adds whole days to a 'YYYY-MM-DD' date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
