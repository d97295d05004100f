import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { actorSchema, electronicSignatureSchema, shipperQualificationSchema } from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { ShipperQualificationRegister } from './shipper-qualification.repository';

const signed = { eventId: z.uuid(), decidedBy: actorSchema, signature: electronicSignatureSchema };
const qualifyBody = z.strictObject({ qualification: shipperQualificationSchema, ...signed });
const withdrawBody = z.strictObject({ reason: z.string().trim().min(1).max(2000), ...signed });

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
  qualify(@Body(new ZodBodyPipe(qualifyBody)) body: z.infer<typeof qualifyBody>) {
    const { qualification, ...signedBy } = body;
    return this.register.qualify({ ...qualification, ...signedBy });
  }

  @Post(':shipperId/withdraw')
  withdraw(
    @Param('shipperId') shipperId: string,
    @Body(new ZodBodyPipe(withdrawBody)) body: z.infer<typeof withdrawBody>,
  ) {
    return this.register.withdraw(shipperId, body);
  }
}
