import {
  custodyEnvelope,
  InMemoryLedger,
  newDonorCode,
  registration,
} from '../ledger/__tests__/in-memory-ledger';
import { recordCustodyEvent } from '../ledger/record-custody-event';
import { TraceByDonorCodeUseCase } from './trace-by-donor-code.usecase';
import { TraceByPatientReferenceUseCase } from './trace-by-patient-reference.usecase';

const NO_MANAGER = {} as never;

describe('TraceByPatientReference', () => {
  const ledger = new InMemoryLedger();
  const record = recordCustodyEvent(ledger);
  const repository = ledger.asRepository();
  const trace = new TraceByPatientReferenceUseCase(
    repository,
    new TraceByDonorCodeUseCase(repository),
  );

  it('TRC-01 returns every journey of a patient, the recollection included, in registration order', async () => {
    const [first, recollection, someoneElse] = [newDonorCode(), newDonorCode(), newDonorCode()];
    await record(registration(first, 'PAT-RECOLL-1'), NO_MANAGER);
    await record(custodyEnvelope(first, 'donor-material.rejected.v1'), NO_MANAGER);
    await record(registration(recollection, 'PAT-RECOLL-1'), NO_MANAGER);
    await record(registration(someoneElse, 'PAT-OTHER-1'), NO_MANAGER);

    const result = await trace.execute('PAT-RECOLL-1');
    expect(result.patientReference).toBe('PAT-RECOLL-1');
    expect(result.journeys.map((j) => [j.donorCode, j.entries.length])).toEqual([
      [first, 2],
      [recollection, 1],
    ]);
  });

  it('answers NOT_FOUND for an unknown patient and refuses what is not a pseudonymous reference', async () => {
    await expect(trace.execute('PAT-NOBODY')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(trace.execute('Jane Doe')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
