import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeviationNotice, ExcursionEmergencyInput } from '@v2v/contracts';
import { announceEmergency } from '../emergency-raised';
import { ExcursionEmergencyRepository } from '../excursion-emergency.repository';

/**
 * QA-04: the shipment's time out of range passed the budget of its specification (the custody
 * leg judged it): an emergency on the product, with the minutes, the worst reading and the
 * budget, its audit entry and `deviation.raised.v1`, in one transaction. The product is on hold
 * (the infusion refused) until QA closes it. Once per leg: a retried activity finds it and
 * raises nothing more.
 */
@Injectable()
export class RaiseExcursionEmergencyUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly emergencies: ExcursionEmergencyRepository,
  ) {}

  execute(input: ExcursionEmergencyInput): Promise<DeviationNotice> {
    const { donorCode, journeyId, deviation } = input;
    return this.dataSource.transaction(async (manager) => {
      const record = {
        emergencyId: randomUUID(),
        donorCode,
        journeyId,
        description: deviation.description,
        excursion: {
          minutesOutOfRange: input.minutesOutOfRange,
          worstExcursion: input.worstExcursion,
          budget: input.budget,
        },
        raisedAt: deviation.detectedAt,
        legDeviationId: deviation.deviationId,
      };
      if (!(await this.emergencies.insertOnce(manager, record))) {
        const earlier = (await this.emergencies.ofLeg(manager, deviation.deviationId))!;
        return {
          deviationId: earlier.emergencyId,
          rule: 'QA-04',
          ...(deviation.leg ? { leg: deviation.leg } : {}),
          detectedAt: new Date(earlier.raisedAt).toISOString(),
          description: earlier.description,
        };
      }
      const source = {
        donorCode,
        journeyId,
        actor: { userId: 'system', role: 'ops' as const },
        occurredAt: deviation.detectedAt,
      };
      const notice = await announceEmergency(manager, source, record, record, {
        kind: 'temperature-excursion',
        leg: deviation.leg,
        ...record.excursion,
      });
      return { ...notice, ...(deviation.leg ? { leg: deviation.leg } : {}) };
    });
  }
}
