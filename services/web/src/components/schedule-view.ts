// An election's schedule as GET /api/elections/:election carries it (services/api/src/scheduler.ts), for the
// officer console and the ballot page, and its times between ISO 8601 UTC and the browser's local time.

export interface ScheduleView {
  /** ISO 8601 UTC (RFC 3339 §5.6), or null. */
  readonly opensAt: string | null;
  readonly closesAt: string | null;
  /** A due opening or closing the API refused, until it succeeds or the schedule changes. */
  readonly lastError?: {
    readonly at: string;
    readonly transition: string;
    readonly code: string;
    readonly message: string;
  };
}

/** The schedule of a public election view (older servers send none). */
export const scheduleOf = (election: object): ScheduleView | null =>
  (election as { schedule?: ScheduleView | null }).schedule ?? null;

/** "Monday 1 December 2026 at 18:00" in the browser's locale and time zone. */
export const localDateTime = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'short' });

/** The browser's time zone name, e.g. "Europe/London". */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** ISO UTC → the value of an <input type="datetime-local"> in local time ("2026-12-01T18:00"; HTML §4.10.5.1.8). */
export function toLocalInput(iso: string | null): string {
  if (iso === null) return '';
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** A datetime-local value (local time, no offset: ECMA-262 Date.parse reads it as local) → ISO UTC, or null. */
export const fromLocalInput = (value: string): string | null =>
  value === '' ? null : new Date(value).toISOString();
