import {
  JourneyView,
  journeyTimelineQuery,
  journeyViewQuery,
  ManufacturingSlotHoldRequest,
  ManufacturingSlotRelease,
} from '@v2v/contracts';
import { eventually } from './support/batch-record-driver';
import { timeSkippingEnvironment } from './support/environments';
import {
  expectRefused,
  payloadFor,
  sendStep,
  startJourney,
  stepsThrough,
} from './support/journey-driver';
import { useMockedPlatform } from './support/mocked-platform';

const platform = useMockedPlatform(timeSkippingEnvironment);

afterEach(() => {
  platform.services.allow('holdManufacturingSlot');
  platform.services.allow('scheduleCollection');
});

async function screenedJourney() {
  const handle = await startJourney(platform.env.client);
  const code = handle.workflowId.slice('journey-'.length);
  await sendStep(handle, 'recordDonorScreening', payloadFor('recordDonorScreening', code));
  return { handle, code };
}

const callsFor = <T extends { donorCode: string }>(name: string, code: string) =>
  platform.services
    .callsOf(name)
    .map((c) => c.input as T)
    .filter((input) => input.donorCode === code);

describe('manufacturing slots down the chain (time skipping)', () => {
  it('a scheduled collection holds a slot from its collection date, confirms it after the step, and shows it', async () => {
    const { handle, code } = await screenedJourney();
    const view = await sendStep(handle, 'scheduleCollection', {
      collectionDate: '2026-12-08',
      manufacturingSlot: '2026-12-09',
    });
    const [hold] = callsFor<ManufacturingSlotHoldRequest>('holdManufacturingSlot', code);
    expect(hold).toMatchObject({
      collectionDate: '2026-12-08',
      preferredStartOn: '2026-12-09',
      productCode: 'CART-CD19',
      specificationVersion: 1,
      reason: 'collection scheduled for 2026-12-08',
    });
    expect(callsFor('confirmManufacturingSlot', code)).toHaveLength(1);
    expect(view.manufacturingSlot).toMatchObject({ lineCode: 'LINE-1', startsOn: '2026-12-09' });
    const timeline = await handle.query(journeyTimelineQuery);
    expect(timeline.map((t) => t.summary)).toContainEqual(
      expect.stringContaining('manufacturing slot booked: line LINE-1 from 2026-12-09'),
    );
  });

  it('no free line refuses the scheduling itself: nothing is recorded by donor-intake', async () => {
    const { handle, code } = await screenedJourney();
    platform.services.refuse(
      'holdManufacturingSlot',
      'NO_MANUFACTURING_SLOT',
      'no line is free from 2026-12-09 to 2026-12-11; the earliest free start is 2026-12-20',
    );
    await expectRefused(
      sendStep(handle, 'scheduleCollection', payloadFor('scheduleCollection', code)),
      'NO_MANUFACTURING_SLOT',
    );
    expect(callsFor('scheduleCollection', code)).toHaveLength(0);
    expect((await handle.query(journeyViewQuery)).stage).toBe('donor-screened');
  });

  it('a hold whose step is refused is released, and the journey holds no slot', async () => {
    const { handle, code } = await screenedJourney();
    platform.services.refuse('scheduleCollection', 'DON-02', 'institution suspended (DON-02)');
    await expectRefused(
      sendStep(handle, 'scheduleCollection', payloadFor('scheduleCollection', code)),
      'DON-02',
    );
    const [hold] = callsFor<ManufacturingSlotHoldRequest>('holdManufacturingSlot', code);
    const releases = await eventually(
      async () => callsFor<ManufacturingSlotRelease>('releaseManufacturingSlot', code),
      (r) => r.length === 1,
    );
    expect(releases[0]).toMatchObject({ slotId: `slot-${hold.eventId}` });
    expect(releases[0].reason).toContain('scheduleCollection was not recorded');
    expect(callsFor('confirmManufacturingSlot', code)).toHaveLength(0);
    expect((await handle.query(journeyViewQuery)).manufacturingSlot).toBeUndefined();
  });

  it('a postponed collection rebooks the slot around its new date, on the timeline', async () => {
    const { handle, code } = await screenedJourney();
    const first = await sendStep(handle, 'scheduleCollection', { collectionDate: '2026-12-08' });
    const moved = await sendStep(handle, 'postponeCollection', {
      collectionDate: '2026-12-15',
      reason: 'patient febrile on the day',
    });
    expect(moved.stage).toBe('collection-scheduled');
    expect(moved.manufacturingSlot!.slotId).not.toBe(first.manufacturingSlot!.slotId);
    expect(moved.manufacturingSlot!.startsOn).toBe('2026-12-15');
    const holds = callsFor<ManufacturingSlotHoldRequest>('holdManufacturingSlot', code);
    expect(holds.map((h) => h.reason)).toEqual([
      'collection scheduled for 2026-12-08',
      'collection postponed to 2026-12-15: patient febrile on the day',
    ]);
    const timeline = (await handle.query(journeyTimelineQuery)).map((t) => t.summary);
    expect(timeline).toContainEqual(expect.stringContaining('manufacturing slot rebooked'));
  });

  it('a rejected unit releases the slot and the recollection books a new one', async () => {
    const { handle, code } = await screenedJourney();
    for (const step of stepsThrough('recordMaterialReceipt').slice(1))
      await sendStep(handle, step, payloadFor(step, code));
    const rejected = await sendStep(handle, 'rejectMaterial', payloadFor('rejectMaterial', code));
    expect(rejected.stage).toBe('material-rejected');
    const released = await eventually(
      () => handle.query(journeyViewQuery),
      (v: JourneyView) => v.manufacturingSlot === undefined,
    );
    expect(released.stage).toBe('material-rejected');
    const [release] = callsFor<ManufacturingSlotRelease>('releaseManufacturingSlot', code);
    expect(release.slotId).toBeUndefined();
    expect(release.reason).toBe('donor material rejected: packaging damaged');

    const recollection = await sendStep(handle, 'scheduleCollection', {
      collectionDate: '2026-12-20',
    });
    expect(recollection).toMatchObject({ stage: 'collection-scheduled', recollections: 1 });
    expect(recollection.manufacturingSlot?.startsOn).toBe('2026-12-20');
    expect(callsFor<ManufacturingSlotHoldRequest>('holdManufacturingSlot', code)[1].reason).toBe(
      'recollection scheduled for 2026-12-20',
    );
  });

  it('a cancelled journey releases its slot before it ends', async () => {
    const { handle, code } = await screenedJourney();
    await sendStep(handle, 'scheduleCollection', payloadFor('scheduleCollection', code));
    await sendStep(handle, 'cancelJourney', { reason: 'patient withdrew' });
    const result = await handle.result();
    expect(result.stage).toBe('cancelled');
    expect(result.manufacturingSlot).toBeUndefined();
    const [release] = callsFor<ManufacturingSlotRelease>('releaseManufacturingSlot', code);
    expect(release.reason).toBe('journey cancelled: patient withdrew');
  });
});
