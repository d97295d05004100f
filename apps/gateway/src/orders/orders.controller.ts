import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateOrder, createOrderSchema } from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { actorOf, AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { Roles } from '../auth/roles.decorator';
import { Idempotency, IdempotencyHeader } from '../idempotency/idempotency.decorator';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { OrdersService } from './orders.service';

@ApiTags('orders')
@ApiBearerAuth()
@Controller('api/orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  @HttpCode(201)
  @Roles('scheduler')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      'Order a therapy for a patient: registers the donor, generates the donor unique code, starts the journey. Roles: scheduler.',
  })
  @ApiBody({ schema: openApiSchema(createOrderSchema) })
  create(
    @Body(new ZodBodyPipe(createOrderSchema)) order: CreateOrder,
    @CurrentUser() user: AuthenticatedUser,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.orders.create(order, actorOf(user), idempotency);
  }
}
