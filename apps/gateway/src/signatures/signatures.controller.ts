import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { DonorCodeParam } from '../shared/donor-code.pipe';
import { SignatureRegistry } from './signature-registry.service';

@ApiTags('signatures')
@ApiBearerAuth()
@Controller('api/journeys')
export class SignaturesController {
  constructor(private readonly signatures: SignatureRegistry) {}

  @Get(':donorCode/signatures')
  @Roles('ops', 'qa-qp')
  @ApiOperation({
    summary:
      'Electronic signatures of a journey, each marked valid or void against its record. Roles: ops, qa-qp.',
  })
  list(@DonorCodeParam() donorCode: string) {
    return this.signatures.list(donorCode);
  }
}
