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
