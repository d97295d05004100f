import { fhirIdOfDonorCode } from '@v2v/contracts';
import { Body, Controller, Header, HttpCode, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { Roles } from '../auth/roles.decorator';
import { Idempotency, IdempotencyHeader } from '../idempotency/idempotency.decorator';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { FHIR_JSON } from './fhir-bundle';
import { fhirOrderSchema } from './fhir-order';
import { FhirOutcomeFilter } from './fhir-outcome.filter';
import { FhirOrdersService } from './fhir-orders.service';
import { baseUrl } from './fhir.controller';

/** TRC-04: the EHR's order as a FHIR R4 create; refusals are answered as OperationOutcome. */
@ApiTags('fhir')
@ApiBearerAuth()
@Controller('fhir/r4')
@UseFilters(FhirOutcomeFilter)
export class FhirOrdersController {
  constructor(private readonly orders: FhirOrdersService) {}

  @Post('ServiceRequest')
  @HttpCode(201)
  @Roles('hospital', 'scheduler')
  @IdempotencyHeader()
  @Header('Content-Type', FHIR_JSON)
  @ApiOperation({
    summary:
      "Order a therapy from an R4 ServiceRequest, as POST /api/orders does; answers the order read back, its URL in Location (TRC-04). Roles: hospital (own institution's requester only), scheduler.",
  })
  @ApiBody({ schema: openApiSchema(fhirOrderSchema) })
  async create(
    @Body() resource: unknown,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    const { donorCode, serviceRequest } = await this.orders.order(resource, user, idempotency);
    response.location(`${baseUrl(request)}/ServiceRequest/${fhirIdOfDonorCode(donorCode)}`);
    return serviceRequest;
  }
}
