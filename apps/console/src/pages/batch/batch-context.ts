import type { BatchRecordView, ProcessStep } from '@v2v/contracts';
import { api, outcome, type Outcome } from '../../api/client';
import type { JourneyStatus } from '../../api/views';
import type { CalendarBooking, FacilityRegister } from './batch-record';
import type { CatalogueLot } from './CompleteStepForm';

/**
 * What the forms of the batch record need besides the record: the process definition, the
 * floor and the calendar; for the operator the lots, for the production manager the donor's
 * positive markers (§9(5)1: they decide the area a step is booked in).
 */
export interface BatchContext {
  steps: ProcessStep[];
  /** The lines the process runs on; every active line when the definition names none. */
  lineCodes?: string[];
  facility: FacilityRegister;
  bookings: CalendarBooking[];
  lots: CatalogueLot[];
  knownPositiveMarkers: string[];
}

interface ProcessVersion {
  definition: {
    processVersion: number;
    content: { steps: ProcessStep[]; lineCodes?: string[] };
  };
}

const DAY = 86_400_000;

/** Every area's bookings from a week ago to a month ahead (within the calendar's 92 days). */
async function bookingsAround(facility: FacilityRegister): Promise<Outcome<CalendarBooking[]>> {
  const from = new Date(Date.now() - 7 * DAY).toISOString();
  const to = new Date(Date.now() + 30 * DAY).toISOString();
  const answers = await Promise.all(
    facility.areas.map((area) =>
      outcome<CalendarBooking[]>(
        api.GET('/api/production-calendar', {
          params: { query: { areaCode: area.areaCode, from, to } },
        }),
      ),
    ),
  );
  const refused = answers.find((a) => !a.ok);
  return refused ?? { ok: true, data: answers.flatMap((a) => (a.ok ? a.data : [])) };
}

const none = <T>(): Promise<Outcome<T[]>> => Promise.resolve({ ok: true, data: [] });

/**
 * The batch's process version, the facility register and the calendar, with the lots when
 * `needs.lots` (the operator's completion) and the positive markers when `needs.markers` (the
 * production manager's booking); or the first refusal.
 */
export async function batchContextOf(
  view: BatchRecordView,
  needs: { lots: boolean; markers: boolean },
): Promise<Outcome<BatchContext>> {
  const [processes, facility, materials, journey] = await Promise.all([
    outcome<ProcessVersion[]>(
      api.GET('/api/processes/{productCode}', {
        params: { path: { productCode: view.productCode } },
      }),
    ),
    outcome<FacilityRegister>(api.GET('/api/facility')),
    needs.lots
      ? outcome<Array<{ lots: CatalogueLot[] }>>(api.GET('/api/key-materials'))
      : none<{ lots: CatalogueLot[] }>(),
    needs.markers
      ? outcome<JourneyStatus>(
          api.GET('/api/journeys/{donorCode}', {
            params: { path: { donorCode: view.donorCode } },
          }),
        )
      : Promise.resolve(undefined),
  ]);
  if (!processes.ok) return processes;
  if (!facility.ok) return facility;
  if (!materials.ok) return materials;
  if (journey && !journey.ok) return journey;
  const bookings = await bookingsAround(facility.data);
  if (!bookings.ok) return bookings;
  const version = processes.data.find((p) => p.definition.processVersion === view.processVersion);
  return {
    ok: true,
    data: {
      steps: version?.definition.content.steps ?? [],
      lineCodes: version?.definition.content.lineCodes,
      facility: facility.data,
      bookings: bookings.data,
      lots: materials.data.flatMap((m) => m.lots),
      knownPositiveMarkers: journey?.data.view.knownPositiveMarkers ?? [],
    },
  };
}
