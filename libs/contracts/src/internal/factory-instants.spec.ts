import { emSessionSchema } from './environmental-monitoring';
import { lineClearanceSchema, processStepBookingSchema } from './production-calendar';

/** The field paths a schema refuses `body` on. */
const refusedPaths = (
  schema: { safeParse(v: unknown): { success: boolean; error?: unknown } },
  body: unknown,
) => {
  const parsed = schema.safeParse(body);
  return parsed.success
    ? []
    : (parsed.error as { issues: Array<{ path: PropertyKey[] }> }).issues.map((i) =>
        i.path.join('.'),
      );
};

describe('instants of the factory floor are real and plausible', () => {
  it('GEN-01 refuses an environmental monitoring session dated in year 0, naming the fields', () => {
    expect(
      refusedPaths(emSessionSchema, {
        roomCode: 'CP1-R01',
        startedAt: '0000-01-01T00:00:00Z',
        endedAt: '0000-01-01T01:00:00Z',
        occupancyState: 'at-rest',
      }),
    ).toEqual(['startedAt', 'endedAt']);
  });

  it('GEN-01 refuses a line clearance recorded ahead of the clock', () => {
    const ahead = new Date(Date.now() + 3_600_000).toISOString();
    expect(refusedPaths(lineClearanceSchema, { clearedAt: ahead })).toEqual(['clearedAt']);
    expect(refusedPaths(lineClearanceSchema, { clearedAt: new Date().toISOString() })).toEqual([]);
  });

  it('GEN-01 books a step weeks ahead, and refuses a booking in year 0', () => {
    const booking = (startsAt: string, endsAt: string) => ({
      donorCode: 'A999926000001007',
      productCode: 'CART-CD19',
      processVersion: 1,
      stepId: 'FILL',
      roomCode: 'CP1-R03',
      equipmentCode: 'ISO-301',
      lineCode: 'L1',
      positiveMaterial: false,
      startsAt,
      endsAt,
    });
    const weeks = (n: number) => new Date(Date.now() + n * 7 * 86_400_000).toISOString();
    expect(refusedPaths(processStepBookingSchema, booking(weeks(3), weeks(4)))).toEqual([]);
    expect(
      refusedPaths(processStepBookingSchema, booking('0000-01-01T00:00:00Z', weeks(1))),
    ).toEqual(['startsAt']);
  });
});
