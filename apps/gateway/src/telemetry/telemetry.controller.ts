import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  CUSTODY_LEGS,
  DomainError,
  requireDonorCode,
  TemperatureReadings,
  temperatureReadingsSchema,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { actorOf, AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { Roles } from '../auth/roles.decorator';
import { DonorIntakeClient } from '../internal/donor-intake.client';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { DonorCodeParam } from '../shared/donor-code.pipe';
import { TelemetryOutboxRepository } from './telemetry-outbox.repository';

/**
 * Data-logger telemetry (GEN-01): readings are accepted into the gateway's outbox and reach
 * donor-intake through Kafka, which stores them per leg and tells the running leg a summary.
 * An upload from a logger other than the one the leg's hand-over named, or with a reading
 * before the material's collection, is refused here (409 GEN-01, recorded with the device
 * account by the refusal filter) and, should one get past
 * (bound meanwhile, or donor-intake unreachable at upload), set aside by donor-intake with the
 * same reason.
 */
@ApiTags('telemetry')
@ApiBearerAuth()
@Controller('api')
export class TelemetryController {
  constructor(
    private readonly outbox: TelemetryOutboxRepository,
    private readonly donorIntake: DonorIntakeClient,
  ) {}

  @Post('telemetry/readings')
  @HttpCode(202)
  @Roles('data-logger')
  @ApiOperation({
    summary:
      "Upload a data logger's temperature readings for one custody leg; stored and watched asynchronously. 409 GEN-01 when the leg's hand-over named another logger or a reading predates the material's collection. Roles: data-logger.",
  })
  @ApiBody({ schema: openApiSchema(temperatureReadingsSchema) })
  async upload(
    @Body(new ZodBodyPipe(temperatureReadingsSchema)) body: TemperatureReadings,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    const donorCode = requireDonorCode(body.donorCode);
    const uploadedBy = actorOf(user);
    await this.admit(donorCode, body, uploadedBy.userId);
    const envelope = await this.outbox.accept(donorCode, { ...body, uploadedBy });
    return { eventId: envelope.id, accepted: body.readings.length };
  }

  /**
   * The early answer to a wrong logger, or to readings before the material's collection. With
   * donor-intake down the readings are still taken (CSV-04: a logger's record must not be lost
   * to an outage); its consumer refuses them when it reads them, setting the message aside with
   * the reason.
   */
  private async admit(donorCode: string, body: TemperatureReadings, uploadedBy: string) {
    try {
      await this.donorIntake.admitTemperatureReadings(donorCode, {
        leg: body.leg,
        loggerId: body.loggerId,
        uploadedBy,
        earliestMeasuredAt: earliestOf(body.readings),
      });
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'SERVICE_UNAVAILABLE')) throw error;
    }
  }

  @Get('journeys/:donorCode/temperature-readings')
  @Roles('operator', 'qa-qp', 'ops', 'hospital')
  @ApiOperation({
    summary:
      'The stored data-logger readings of a journey, per leg. Roles: operator, qa-qp, ops, hospital (own institution).',
  })
  @ApiQuery({ name: 'leg', required: false, enum: CUSTODY_LEGS })
  readings(@DonorCodeParam() donorCode: string, @Query('leg') leg?: string) {
    if (leg !== undefined && !(CUSTODY_LEGS as readonly string[]).includes(leg)) {
      throw new DomainError('VALIDATION_FAILED', `unknown leg '${leg}'`, { allowed: CUSTODY_LEGS });
    }
    return this.donorIntake.temperatureReadings(donorCode, leg);
  }
}

function earliestOf(readings: TemperatureReadings['readings']): string {
  return readings.reduce((a, b) => (Date.parse(b.measuredAt) < Date.parse(a.measuredAt) ? b : a))
    .measuredAt;
}
