/** DON-05: the flag every package and record of known-positive material carries. */
export function positiveFlag(markers: string[]): string | undefined {
  return markers.length ? `KNOWN POSITIVE: ${markers.join(', ')} — keep apart (DON-05)` : undefined;
}

/** A summary line with the DON-05 flag appended when the material is known positive. */
export function withPositiveFlag(markers: string[], summary: string): string {
  const flag = positiveFlag(markers);
  return flag ? `${summary}; ${flag}` : summary;
}
