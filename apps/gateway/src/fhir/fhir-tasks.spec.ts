import { fhirR4SchemaErrors } from '@v2v/testing';
import { HOSPITAL_STAGES, hospitalTasksOf, pendingHospitalSteps } from './fhir-tasks';

const source = {
  donorCode: 'A99991500000100M',
  patientReference: 'PAT-7f3a2c1d',
  institutionId: 'INST-001',
};

describe("the hospital's pending steps as FHIR Tasks", () => {
  it.each([
    ['ordered', ['recordDonorScreening']],
    ['collection-scheduled', ['recordCollection']],
    ['collected', ['handOverToCourier']],
    ['shipped', ['receiveAtSite']],
    ['received-at-site', ['recordInfusion']],
    ['follow-up', ['completeFollowUp']],
    ['in-transit-to-factory', []],
    ['in-production', []],
    ['cancelled', []],
  ] as const)('TRC-04 in stage %s the hospital is to take %j', (stage, steps) => {
    expect(pendingHospitalSteps(stage)).toEqual(steps);
  });

  it('TRC-04 searches the journeys of the stages the hospital acts in, and of no other', () => {
    expect(HOSPITAL_STAGES).toEqual([
      'ordered',
      'collection-scheduled',
      'collected',
      'shipped',
      'received-at-site',
      'follow-up',
    ]);
  });

  it('TRC-04 lists a pending step as a requested R4 Task owned by the institution', () => {
    const [task, ...others] = hospitalTasksOf([
      { ...source, stage: 'shipped' },
      { ...source, donorCode: 'A99991500000200K', stage: 'qc' },
    ]);
    expect(others).toEqual([]);
    expect(fhirR4SchemaErrors(task)).toEqual([]);
    expect(task).toMatchObject({
      resourceType: 'Task',
      id: 'A99991500000100M-receive-at-site',
      status: 'requested',
      intent: 'order',
      code: { coding: [{ system: 'urn:v2v:journey-step', code: 'receiveAtSite' }] },
      focus: { reference: 'ServiceRequest/A99991500000100M' },
      for: { reference: 'Patient/PAT-7f3a2c1d' },
      owner: { identifier: { system: 'urn:v2v:institution', value: 'INST-001' } },
      businessStatus: { coding: [{ code: 'shipped' }] },
    });
  });
});
