import type { BatchRecordView, ProcessStep } from '@v2v/contracts';
import { api, outcome, type Outcome } from '../../api/client';
import type { CalendarBooking } from './batch-record';
import type { CatalogueLot } from './CompleteStepForm';
import type { FacilityView } from './StartStepForm';

/** What the operator's forms need besides the record: definition, floor, calendar, lots. */
export interface BatchContext {
  steps: ProcessStep[];
  facility: FacilityView;
  bookings: CalendarBooking[];
  lots: CatalogueLot[];
}

interface ProcessVersion {
  definition: { processVersion: number; content: { steps: ProcessStep[] } };
}

const DAY = 86_400_000;

/** Every area's bookings from a week ago to a month ahead (within the calendar's 92 days). */
async function bookingsAround(facility: FacilityView): Promise<Outcome<CalendarBooking[]>> {
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

/** The batch's process version, the facility register, the calendar and the lots, or a refusal. */
export async function batchContextOf(view: BatchRecordView): Promise<Outcome<BatchContext>> {
  const [processes, facility, materials] = await Promise.all([
    outcome<ProcessVersion[]>(
      api.GET('/api/processes/{productCode}', {
        params: { path: { productCode: view.productCode } },
      }),
    ),
    outcome<FacilityView>(api.GET('/api/facility')),
    outcome<Array<{ lots: CatalogueLot[] }>>(api.GET('/api/key-materials')),
  ]);
  if (!processes.ok) return processes;
  if (!facility.ok) return facility;
  if (!materials.ok) return materials;
  const bookings = await bookingsAround(facility.data);
  if (!bookings.ok) return bookings;
  const version = processes.data.find((p) => p.definition.processVersion === view.processVersion);
  return {
    ok: true,
    data: {
      steps: version?.definition.content.steps ?? [],
      facility: facility.data,
      bookings: bookings.data,
      lots: materials.data.flatMap((m) => m.lots),
    },
  };
}
