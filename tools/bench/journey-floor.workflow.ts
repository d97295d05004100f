import { condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

const { noop } = proxyActivities<{ noop(): Promise<void> }>({ startToCloseTimeout: '10s' });

/** One step of the floor: runs this many no-op activities, one after the other. */
export const floorStepUpdate = defineUpdate<number, [number]>('step');
/** Ends the floor workflow, as the journey's last step would. */
export const floorEndUpdate = defineUpdate<void>('end');

/**
 * P1, P2 and P9's floor: a bare workflow of the journey's shape and nothing else. It takes
 * updates, each running the given number of no-op activities, until it is told to end: no
 * validation, no search attributes, no children, no services, no database.
 */
export async function journeyFloor(): Promise<void> {
  let ended = false;
  let steps = 0;
  setHandler(floorStepUpdate, async (activities) => {
    for (let i = 0; i < activities; i++) await noop();
    return ++steps;
  });
  setHandler(floorEndUpdate, () => {
    ended = true;
  });
  await condition(() => ended);
}
