import { Injectable } from '@nestjs/common';
import { StepRecord } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { assertInstitutionQualified } from '../../institutions/institution-eligibility';
import { InstitutionRepository } from '../../institutions/institution.repository';
import { withPositiveFlag } from '../../material/known-positive.rules';

/** The collection; DON-02: only an approved institution with a valid agreement may collect. */
@Injectable()
export class RecordCollectionUseCase implements StepUseCase<'recordCollection'> {
  constructor(
    private readonly steps: JourneyStepRecorder,
    private readonly institutions: InstitutionRepository,
  ) {}

  execute(input: StepInput<'recordCollection'>): Promise<StepRecord> {
    const { payload, knownPositiveMarkers } = input;
    return this.steps.record(
      'recordCollection',
      input,
      {
        summary: withPositiveFlag(
          knownPositiveMarkers,
          `collected ${payload.volumeMl} mL by ${payload.collectionOperator}, bag lot ${payload.bagLot}`,
        ),
        detail: { ...payload, knownPositiveMarkers },
      },
      async (manager) =>
        assertInstitutionQualified(
          await this.institutions.findById(input.order.institutionId, manager),
          input.order.institutionId,
          input.occurredAt.slice(0, 10),
        ),
    );
  }
}
