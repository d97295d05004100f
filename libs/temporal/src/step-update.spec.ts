import { WorkflowHandle, WorkflowNotFoundError } from '@temporalio/client';
import { defineUpdate } from '@temporalio/workflow';
import { executeStepUpdate, isLostUpdate, LOST_UPDATE_RESENDS } from './step-update';

const update = defineUpdate<string, [{ eventId: string }]>('step');

function handleAnswering(...answers: Array<string | Error>) {
  const sent: Array<{ updateId?: string }> = [];
  const handle = {
    executeUpdate: async (_: unknown, options: { updateId?: string }) => {
      sent.push(options);
      const answer = answers.shift();
      if (answer instanceof Error) throw answer;
      return answer;
    },
  } as unknown as WorkflowHandle;
  return { handle, sent };
}

const lost = (id: string) => new WorkflowNotFoundError(`update ${id} not found`, 'journey-x', '');

describe('executeStepUpdate: a lost update is sent again under its own id', () => {
  it('resends the same update id after "update <id> not found" and returns its result', async () => {
    const { handle, sent } = handleAnswering(lost('e1'), 'done');
    await expect(executeStepUpdate(handle, update, [{ eventId: 'e1' }], 'e1')).resolves.toBe(
      'done',
    );
    expect(sent.map((s) => s.updateId)).toEqual(['e1', 'e1']);
  });

  it('a workflow that is gone is not retried', async () => {
    const gone = new WorkflowNotFoundError('workflow not found for ID: journey-x', 'journey-x', '');
    const { handle, sent } = handleAnswering(gone, 'never');
    await expect(executeStepUpdate(handle, update, [{ eventId: 'e1' }], 'e1')).rejects.toBe(gone);
    expect(sent).toHaveLength(1);
  });

  it(`gives up after ${LOST_UPDATE_RESENDS} resends`, async () => {
    const answers = Array.from({ length: LOST_UPDATE_RESENDS + 1 }, () => lost('e1'));
    const { handle, sent } = handleAnswering(...answers, 'never');
    await expect(executeStepUpdate(handle, update, [{ eventId: 'e1' }], 'e1')).rejects.toThrow(
      'update e1 not found',
    );
    expect(sent).toHaveLength(LOST_UPDATE_RESENDS + 1);
  });

  it("another update's id in the message is not this update's loss", () => {
    expect(isLostUpdate(lost('e2'), 'e1')).toBe(false);
    expect(isLostUpdate(new Error('update e1 not found'), 'e1')).toBe(false);
  });
});
