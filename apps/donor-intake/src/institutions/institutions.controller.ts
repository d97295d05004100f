import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  CheckInstitutionRegistrationCommand,
  checkInstitutionRegistrationCommandSchema,
  CheckQualificationCommand,
  checkQualificationCommandSchema,
  DecideQualificationCommand,
  decideQualificationCommandSchema,
  DomainError,
  RegisterInstitutionCommand,
  registerInstitutionCommandSchema,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { InstitutionRepository } from './institution.repository';
import { InstitutionQualificationUseCase } from './usecases/institution-qualification.usecase';

/** The institution register and QA's qualification decisions (DON-02), for the gateway. */
@Controller('internal/institutions')
export class InstitutionsController {
  constructor(
    private readonly institutions: InstitutionRepository,
    private readonly qualification: InstitutionQualificationUseCase,
  ) {}

  @Get()
  list() {
    return this.institutions.list();
  }

  @Get(':institutionId')
  async detail(@Param('institutionId') institutionId: string) {
    const detail = await this.institutions.detail(institutionId);
    if (!detail) throw new DomainError('NOT_FOUND', `no institution ${institutionId}`);
    return detail;
  }

  /** Whether a registration would be accepted, so nothing is signed for one that would not. */
  @Post('registration-check')
  registrationCheck(
    @Body(new ZodBodyPipe(checkInstitutionRegistrationCommandSchema))
    body: CheckInstitutionRegistrationCommand,
  ) {
    return this.qualification.checkRegistration(body);
  }

  @Post()
  register(
    @Body(new ZodBodyPipe(registerInstitutionCommandSchema)) body: RegisterInstitutionCommand,
  ) {
    return this.qualification.register(body);
  }

  /**
   * The outcome a decision would have now, so nothing is signed for a decision that would be
   * refused.
   */
  @Post(':institutionId/decision-check')
  check(
    @Param('institutionId') institutionId: string,
    @Body(new ZodBodyPipe(checkQualificationCommandSchema)) body: CheckQualificationCommand,
  ) {
    return this.qualification.check(institutionId, body);
  }

  @Post(':institutionId/decisions')
  decide(
    @Param('institutionId') institutionId: string,
    @Body(new ZodBodyPipe(decideQualificationCommandSchema)) body: DecideQualificationCommand,
  ) {
    return this.qualification.decide(institutionId, body);
  }
}
