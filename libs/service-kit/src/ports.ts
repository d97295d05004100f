import { Global, Injectable, Module, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/common';
import { getTemporalClient, signalWorkflowIfRunning } from '@v2v/temporal';
import { ServiceConfig } from './service-config';

/**
 * What a use case asks for the time. Services take it from here, never `new Date()`, so a
 * test can fix the day a rule is judged on. (Workflow code uses Temporal's own time.)
 */
export abstract class Clock {
  abstract now(): Date;

  /** Today's date in UTC, `YYYY-MM-DD` (the day a date rule is judged on). */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** Where a use case gets a new record id (a uuid by default). */
export abstract class IdGenerator {
  abstract newId(): string;
}

@Injectable()
export class RandomUuidGenerator extends IdGenerator {
  newId(): string {
    return randomUUID();
  }
}

/** The process's Temporal client, for use cases that signal or look up journeys. */
export abstract class TemporalClientPort {
  abstract client(): Promise<Client>;

  /** Signals a running workflow; false when none runs under this id. */
  async signalIfRunning<Args extends unknown[]>(
    workflowId: string,
    signal: SignalDefinition<Args>,
    ...args: Args
  ): Promise<boolean> {
    return signalWorkflowIfRunning(await this.client(), workflowId, signal, ...args);
  }
}

@Injectable()
export class SharedTemporalClient extends TemporalClientPort {
  constructor(@Optional() private readonly config?: ServiceConfig) {
    super();
  }

  client(): Promise<Client> {
    return getTemporalClient(this.config?.env);
  }
}

/** The impure ports every service's use cases may inject, bound to the real implementations. */
@Global()
@Module({
  providers: [
    { provide: Clock, useClass: SystemClock },
    { provide: IdGenerator, useClass: RandomUuidGenerator },
    { provide: TemporalClientPort, useClass: SharedTemporalClient },
  ],
  exports: [Clock, IdGenerator, TemporalClientPort],
})
export class ServicePortsModule {}
