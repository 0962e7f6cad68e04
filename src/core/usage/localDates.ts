/** Local calendar dates for usage periods (the system time zone, as ccusage). */

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

const QUARTER_HOUR = 15 * 60 * 1000;
const dayOfQuarterHour = new Map<number, string>();
let memoZone: string | undefined = process.env.TZ;

/**
 * YYYY-MM-DD in the local time zone (as ccusage's daily report, which uses the system zone).
 * Every zone offset is a multiple of 15 minutes, so the day is memoised per quarter hour.
 */
export function localDate(time: number): string {
  if (process.env.TZ !== memoZone) {
    // The zone changed (tests switch TZ): memoised days are of the old zone.
    dayOfQuarterHour.clear();
    memoZone = process.env.TZ;
  }
  const quarter = Math.floor(time / QUARTER_HOUR);
  let day = dayOfQuarterHour.get(quarter);
  if (day === undefined) {
    const d = new Date(quarter * QUARTER_HOUR);
    day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    if (dayOfQuarterHour.size > 100_000) dayOfQuarterHour.clear();
    dayOfQuarterHour.set(quarter, day);
  }
  return day;
}

/** The Monday (local) that starts the ISO week of `time`, as YYYY-MM-DD. */
export function weekStart(time: number): string {
  const d = new Date(time);
  const back = (d.getDay() + 6) % 7;
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - back);
  return localDate(monday.getTime());
}

