import { WorkflowNotFoundError } from '@temporalio/client';
import type { JourneyView, ReleaseGateStanding } from '@v2v/contracts';
import type { TemporalClientPort } from '@v2v/service-kit';
import type { JourneyWorkflowRepository } from '../journeys/journey-workflow.repository';
import { ReleaseGatesWorkflowRepository } from './release-gates-workflow.repository';
import { ReleaseGatesService } from './release-gates.service';

const STANDING = {
  batchNumber: 'B1',
  releasable: false,
  gates: [],
} as unknown as ReleaseGateStanding;

function service(view: Partial<JourneyView>, child: { query?: jest.Mock; signal?: jest.Mock }) {
  const journeys = { status: async () => ({ view }) } as unknown as JourneyWorkflowRepository;
  const getHandle = jest.fn(() => child);
  const temporal = { client: async () => ({ workflow: { getHandle } }) };
  return {
    gates: new ReleaseGatesService(
      journeys,
      new ReleaseGatesWorkflowRepository(temporal as unknown as TemporalClientPort),
    ),
    getHandle,
  };
}

describe('the release gates at the edge', () => {
  it('QA-02 answers 409 while production has not completed', async () => {
    const { gates } = service({ stage: 'in-production', batchNumber: 'B1' }, {});
    await expect(gates.standing('D-1')).rejects.toMatchObject({
      code: 'QA-02',
      message: expect.stringContaining('production has not completed'),
    });
  });

  it('QA-02 answers the release child’s standing once production completed', async () => {
    const query = jest.fn(async () => STANDING);
    const { gates, getHandle } = service({ stage: 'release-review', batchNumber: 'B1' }, { query });
    await expect(gates.standing('D-1')).resolves.toBe(STANDING);
    expect(getHandle).toHaveBeenCalledWith('release-B1');
  });

  it('QA-02 answers 409 when the batch has no release child (completed before it existed)', async () => {
    const query = jest.fn(async () => {
      throw new WorkflowNotFoundError('not found', 'release-B1', undefined);
    });
    const { gates } = service({ stage: 'released', batchNumber: 'B1' }, { query });
    await expect(gates.standing('D-1')).rejects.toMatchObject({ code: 'QA-02' });
  });

  it('QA-02 signals the child after a change, and a failed signal is only logged', async () => {
    const signal = jest.fn(async () => {
      throw new Error('temporal unreachable');
    });
    const { gates } = service({ stage: 'release-review', batchNumber: 'B1' }, { signal });
    await expect(gates.changed('D-1', 'deviation closed')).resolves.toBeUndefined();
    expect(signal).toHaveBeenCalledWith(expect.anything(), { reason: 'deviation closed' });
  });
});
