import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import {
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

  @Post(':shipperId/withdraw')
  withdraw(
    @Param('shipperId') shipperId: string,
    @Body(new ZodBodyPipe(withdrawShipperCommandSchema)) body: WithdrawShipperCommand,
  ) {
    return this.register.withdraw(shipperId, body);
  }
}
