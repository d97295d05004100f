import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import type { StepPayload } from '@v2v/contracts';
import { IdGenerator, StepInput } from '@v2v/service-kit';
import { RetainedMaterialRepository } from './retained-material.repository';
import { RetainedPortion } from './remanufacture-rules';

export type RetainedPortionRequest = NonNullable<StepPayload<'startProduction'>['retainedPortion']>;

/** What the start's summary says about the portion set aside. */
export function retainedPortionSummary(portion: RetainedPortionRequest | undefined): string {
  if (!portion) return '';
  return `; ${portion.volumeMl} ml of donor material set aside in ${portion.container} at ${portion.storageLocation}`;
}

/** The portion in the start's detail, when one was set aside. */
export function retainedOf(payload: StepPayload<'startProduction'>) {
  return payload.retainedPortion ? { retainedPortion: payload.retainedPortion } : {};
}

/**
 * The donor material set aside at a production start so that a failed batch can be re-made,
 * and its use by a re-manufacture decision: each written with its audit entry, in the
 * transaction of the step that records it.
 */
@Injectable()
export class RetainedDonorMaterial {
  constructor(
    private readonly portions: RetainedMaterialRepository,
    private readonly ids: IdGenerator,
  ) {}

  async setAside(
    manager: EntityManager,
    input: StepInput<'startProduction'>,
    batchNumber: string,
  ): Promise<void> {
    const requested = input.payload.retainedPortion;
    if (!requested) return;
    const portion = {
      retainedId: this.ids.newId(),
      donorCode: input.donorCode,
      batchNumber,
      ...requested,
      setAsideAt: input.occurredAt,
    };
    await this.portions.insert(manager, {
      ...portion,
      eventId: input.eventId,
      journeyId: input.journeyId,
      recordedBy: input.actor,
    });
    await writeAudit(manager, 'production', {
      recordType: 'retained-donor-material',
      recordId: portion.retainedId,
      journeyId: input.journeyId,
      action: 'create',
      actor: input.actor,
      newValue: portion,
    });
  }

  /** The portions of a donor code; read after the donor's batches are locked. */
  ofDonor(manager: EntityManager, donorCode: string): Promise<RetainedPortion[]> {
    return this.portions.ofDonor(manager, donorCode);
  }

  async use(
    manager: EntityManager,
    input: StepInput<'remanufactureBatch'>,
    portion: RetainedPortion,
    rejectedBatchNumber: string,
  ): Promise<void> {
    const use = {
      retainedId: portion.retainedId,
      eventId: input.eventId,
      donorCode: input.donorCode,
      journeyId: input.journeyId,
      rejectedBatchNumber,
      reason: input.payload.reason,
      usedBy: input.actor,
      usedAt: input.occurredAt,
    };
    await this.portions.insertUse(manager, use);
    await writeAudit(manager, 'production', {
      recordType: 'retained-material-use',
      recordId: portion.retainedId,
      journeyId: input.journeyId,
      action: 'create',
      actor: input.actor,
      reason: input.payload.reason,
      newValue: use,
    });
  }
}
