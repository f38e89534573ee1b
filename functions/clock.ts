/**
 * The one clock of kenes (time is an input). Every action carries its own legal date;
 * when a request omits it, "today" comes from here. Tests set it with `setToday`, local
 * processes and jobs with the `KENES_TODAY` environment variable (YYYY-MM-DD), and on AWS it
 * is the date in Kazakhstan.
 *
 * @example
 * setToday('2020-03-01'); today(); // '2020-03-01'
 */
let fixed: string | undefined;

export function setToday(date: string | undefined): void {
  fixed = date;
}

export function today(): string {
  const fromEnv = process.env.KENES_TODAY;
  if (fixed) return fixed;
  if (fromEnv) return fromEnv;
  // Legal dates are Kazakhstan's calendar dates (en-CA formats as YYYY-MM-DD).
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
}

/** Whole days from 1970-01-01 to an ISO date: the integer the rules compare dates with. */
export function epochDay(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** The ISO date `days` after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The ISO date `months` after `date`; a day the month lacks falls back to its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, d));
  if (target.getUTCDate() !== d) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** The ISO date `years` after `date`; 29 February falls back to 28 February. */
export function addYears(date: string, years: number): string {
  return addMonths(date, 12 * years);
}
