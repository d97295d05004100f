/** `2026-12-01 08:00 UTC`: labels print one unambiguous zone whatever the server's. */
export function labelDateTime(iso: string): string {
  const utc = new Date(iso).toISOString();
  return `${utc.slice(0, 10)} ${utc.slice(11, 16)} UTC`;
}
