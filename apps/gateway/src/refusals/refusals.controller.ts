import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { DonorCodeParam } from '../shared/donor-code.pipe';
import { JourneyRefusalsService } from './journey-refusals.service';

/** CSV-03, PRD-06, TRC-03: who was refused what on a journey, and by which rule. */
@ApiTags('refusals')
@ApiBearerAuth()
@Controller('api/journeys')
export class RefusalsController {
  constructor(private readonly refusals: JourneyRefusalsService) {}

  @Get(':donorCode/refusals')
  @Roles('ops', 'qa-qp')
  @ApiOperation({
    summary:
      "Every refusal recorded for a journey, in time order: the gateway's (user, role, request, status, code) and the owning services' (refused step activity, event id, actor, code). Roles: ops, qa-qp.",
  })
  list(@DonorCodeParam() donorCode: string) {
    return this.refusals.byDonorCode(donorCode);
  }
}
