import { Injectable } from '@nestjs/common';
import { IdGenerator } from '@v2v/service-kit';
import { IdempotencyScope, scopedEventId } from './idempotency-scope';

/**
 * The event id a command carries to the journey or the owning service: derived from the
 * Idempotency-Key's scope, so a repeat is recognised downstream too; a fresh one without a key.
 */
@Injectable()
export class EventIds {
  constructor(private readonly ids: IdGenerator) {}

  of(scope: IdempotencyScope | undefined): string {
    return scope ? scopedEventId(scope) : this.ids.newId();
  }
}
