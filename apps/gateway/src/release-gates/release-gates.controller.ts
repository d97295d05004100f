import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { DonorCodeParam } from '../shared/donor-code.pipe';
import { ReleaseGatesService } from './release-gates.service';

/** The batch's release gates (QA-02), as its release child last evaluated them. */
@ApiTags('release')
@ApiBearerAuth()
@Controller('api/journeys/:donorCode/release-gates')
export class ReleaseGatesController {
  constructor(private readonly gates: ReleaseGatesService) {}

  @Get()
  @Roles('qa-qp', 'qc', 'ops', 'production-manager')
  @ApiParam({
    name: 'donorCode',
    description: 'donor unique code (ISBT 128 DIN structure with its check character, TRC-02)',
  })
  @ApiOperation({
    summary:
      "The batch's release gates as its release child `release-<batch number>` last evaluated them: each gate (QA-02.1..5, QA-01, PRD-05) with its status, detail, open records and content hash; `releasable`; the results to follow of a conditional release. 409 QA-02 while production has not completed. Roles: qa-qp, qc, ops, production-manager.",
  })
  standing(@DonorCodeParam() donorCode: string) {
    return this.gates.standing(donorCode);
  }
}
