import { Controller, Get, Inject, Query } from '@nestjs/common';
import { SetAsideMessageRepository } from '@v2v/messaging';

/** Internal, read-only (CSV-04): the messages and outbox rows set aside, newest first. */
@Controller('internal/set-aside-messages')
export class SetAsideMessagesController {
  constructor(
    @Inject(SetAsideMessageRepository) private readonly setAside: SetAsideMessageRepository,
  ) {}

  @Get()
  list(@Query('limit') limit = '100') {
    const n = Number.parseInt(limit, 10);
    return this.setAside.list(Number.isInteger(n) && n > 0 ? Math.min(n, 1000) : 100);
  }
}
