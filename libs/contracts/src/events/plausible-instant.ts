import { z } from 'zod';

/** No record of this platform, nor any reading of its loggers, predates this instant. */
export const EARLIEST_PLAUSIBLE_INSTANT = '2000-01-01T00:00:00Z';
/** How far ahead of the receiver's clock a sender's clock may run. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * GEN-01, CSV-04: why an instant cannot be real, or undefined when it can. A well-formed but
 * impossible time (`0000-01-01T00:00:00Z`, a logger whose clock was never set) would otherwise
 * be stored as a reading and poison every comparison with the leg's limits.
 * `notAfter` false leaves out the bound against the future, for an instant that may rightly
 * lie ahead of the receiver (see `plausibleInstant`).
 */
export function instantImplausibility(
  value: string,
  options: { receivedAt?: number; notBefore?: string; notAfter?: boolean } = {},
): string | undefined {
  const at = Date.parse(value);
  if (Number.isNaN(at)) return `${value} is not a date and time`;
  const notBefore = options.notBefore ?? EARLIEST_PLAUSIBLE_INSTANT;
  if (at < Date.parse(notBefore)) return `${value} is before ${notBefore}`;
  const receivedAt = options.receivedAt ?? Date.now();
  if (options.notAfter !== false && at > receivedAt + CLOCK_SKEW_MS)
    return `${value} is more than ${CLOCK_SKEW_MS / 60_000} minutes after receipt (${new Date(receivedAt).toISOString()})`;
  return undefined;
}

/** How a refused instant is named wherever it is checked. */
export const implausibleInstantMessage = (why: string) => `implausible instant: ${why} (GEN-01)`;

/**
 * An ISO 8601 instant with an offset that is also plausible (`instantImplausibility`), checked
 * at the moment the value is parsed, which is its receipt, unless `receivedAt` says when the
 * value was received (a payload parsed again where it is written, maybe hours later).
 */
export function plausibleInstant(options: { notAfter?: boolean; receivedAt?: number } = {}) {
  return z.iso.datetime({ offset: true }).superRefine((value, ctx) => {
    // Not a date at all: the format's own issue says so, once.
    if (Number.isNaN(Date.parse(value))) return;
    const why = instantImplausibility(value, options);
    if (why) ctx.addIssue({ code: 'custom', message: implausibleInstantMessage(why) });
  });
}
