/**
 * Times as a person reads them: in the browser's own time zone and language. GMP records
 * also show the server's recorded instant (UTC, as stored) so a reader can quote it exactly.
 */
export function localTime(iso: string, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** The server's instant as recorded: `2026-12-01 11:31:02 UTC`. */
export function serverTime(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A `datetime-local` input's value (to the second) for an instant, in the browser's zone. */
export function localInputValue(at: Date): string {
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `${date}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}

/** The instant a `datetime-local` value names in the browser's zone, as the API takes it. */
export function instantOf(localValue: string): string {
  return new Date(localValue).toISOString();
}
