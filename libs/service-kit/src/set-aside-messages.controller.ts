import { Controller, Get, Inject, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SetAsideMessageRepository } from '@v2v/messaging';

/** Internal, read-only (CSV-04): the messages and outbox rows this service set aside, newest first. */
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

/** The repository behind the listing and the health check, bound to the service's schema. */
export function setAsideMessagesProvider(schema: string) {
  return {
    provide: SetAsideMessageRepository,
    inject: [DataSource],
    useFactory: (ds: DataSource) => new SetAsideMessageRepository(ds, schema),
  };
}
