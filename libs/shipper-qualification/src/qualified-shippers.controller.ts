import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  CheckShipperWithdrawalCommand,
  checkShipperWithdrawalCommandSchema,
  QualifyShipperCommand,
  qualifyShipperCommandSchema,
  WithdrawShipperCommand,
  withdrawShipperCommandSchema,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { ShipperQualificationRegister } from './shipper-qualification.repository';

/** Internal: the service's shipper/lane register (MAT-03), for the gateway. */
@Controller('internal/qualified-shippers')
export class QualifiedShippersController {
  constructor(
    @Inject(ShipperQualificationRegister) private readonly register: ShipperQualificationRegister,
  ) {}

  @Get()
  list() {
    return this.register.list();
  }

  @Post()
  qualify(@Body(new ZodBodyPipe(qualifyShipperCommandSchema)) body: QualifyShipperCommand) {
    const { qualification, ...signedBy } = body;
    return this.register.qualify({ ...qualification, ...signedBy });
  }

  /** Would this withdrawal be accepted? The gateway asks before it records a signature. */
  @Post(':shipperId/withdraw-check')
  @HttpCode(200)
  checkWithdrawal(
    @Param('shipperId') shipperId: string,
    @Body(new ZodBodyPipe(checkShipperWithdrawalCommandSchema)) body: CheckShipperWithdrawalCommand,
  ) {
    return this.register.checkWithdrawal(shipperId, body.eventId);
  }

  @Post(':shipperId/withdraw')
  withdraw(
    @Param('shipperId') shipperId: string,
    @Body(new ZodBodyPipe(withdrawShipperCommandSchema)) body: WithdrawShipperCommand,
  ) {
    return this.register.withdraw(shipperId, body);
  }
}
