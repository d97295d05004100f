/** An answer to a booking request: its status and body, whoever sent it (API or console). */
export interface BookingAnswer {
  status: number;
  body: unknown;
}

const VIOLATION = /§9\(\d+\)\d+:/g;
/** How a violation names the booking it meets: `(<product> <donor> step <step> in <room> …)`. */
const BOOKING = /\(\S+ (\S+) step \S+ in \S+ /g;

/**
 * True when a booking was refused PRD-04 only because other journeys' bookings hold the room
 * (§9(5): one step at a time, line clearance not yet recorded): every violation names a booking
 * of another donor. A violation of this journey's own, or one naming no booking (the area, a
 * compartment, the validated worst case), is a refusal to report, not to wait out.
 */
export function roomHeldByAnotherJourney(body: unknown, donorCode: string): boolean {
  const { code, message } = (body ?? {}) as { code?: unknown; message?: unknown };
  if (code !== 'PRD-04' || typeof message !== 'string') return false;
  const violations = message.match(VIOLATION)?.length ?? 0;
  const holders = [...message.matchAll(BOOKING)].map((m) => m[1]);
  return violations > 0 && holders.length === violations && holders.every((d) => d !== donorCode);
}

/**
 * Books through `attempt` (which must book from the time it is called), waiting while another
 * journey holds the room: the demo floor has one line, and another test may be running its
 * batch record on it. Tried again every 2 s for up to 3 min; returns the last answer, booked or
 * not, for the caller to judge.
 */
export async function bookWhenRoomFree<A extends BookingAnswer>(
  donorCode: string,
  attempt: () => Promise<A>,
  { timeoutMs = 180_000, intervalMs = 2_000 } = {},
): Promise<A> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await attempt();
    if (!roomHeldByAnotherJourney(answer.body, donorCode) || Date.now() >= deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
