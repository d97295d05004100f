import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { type ManufacturingCapacityQuery, manufacturingCapacityQuerySchema } from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { Roles } from '../auth/roles.decorator';
import { ManufacturingSlotsClient } from '../internal/manufacturing-slots.client';
import { DonorCodeParam } from '../shared/donor-code.pipe';

/**
 * Manufacturing slots (issue 11): every (re)booking and release of a journey's slot, for the
 * scheduler and the journey's hospital (the tenancy guard answers another institution's code
 * as an unknown one), and the capacity calendar. The journey takes and frees slots through its
 * steps; nothing here writes. Each method only translates HTTP.
 */
@ApiTags('manufacturing slots')
@ApiBearerAuth()
@Controller('api')
export class ManufacturingSlotsController {
  constructor(private readonly slots: ManufacturingSlotsClient) {}

  @Get('journeys/:donorCode/manufacturing-slots')
  @Roles('scheduler', 'hospital', 'operator', 'production-manager', 'qa-qp', 'ops')
  @ApiOperation({
    summary:
      "The journey's manufacturing slots, the latest requested first: line, days, planned shipment, status, and what each replaced or why it was released. Roles: scheduler, hospital (own institution only), operator, production-manager, qa-qp, ops.",
  })
  journeySlots(@DonorCodeParam() donorCode: string) {
    return this.slots.journeySlots(donorCode);
  }

  @Get('manufacturing-capacity')
  @Roles('scheduler', 'production-manager', 'ops')
  @ApiOperation({
    summary:
      "Per line the product's latest process may run on and per day: its capacity in batches, the batches held or booked on it and the places free (none where the area is at its validated number of concurrent lines, PRD-04). Roles: scheduler, production-manager, ops.",
  })
  @ApiQuery({ name: 'from', required: true, description: 'the first day, YYYY-MM-DD' })
  @ApiQuery({ name: 'days', required: false, description: '1 to 62, 14 by default' })
  @ApiQuery({ name: 'productCode', required: true })
  capacity(
    @Query(new ZodBodyPipe(manufacturingCapacityQuerySchema)) query: ManufacturingCapacityQuery,
  ) {
    return this.slots.capacity(query);
  }
}
