import { Injectable } from '@nestjs/common';
import type {
  AreaChange,
  AreaRegistration,
  EquipmentChange,
  EquipmentRegistration,
  IntegrityCheckRequest,
  LineRegistration,
  MediaFillRequest,
  RoomChange,
  RoomRegistration,
  ShiftRegistration,
} from '@v2v/contracts';
import { actorOf, AuthenticatedUser } from '../auth/authenticated-user';
import { EventIds } from '../idempotency/event-ids';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { ProductionClient } from '../internal/production.client';

type Registration =
  | AreaRegistration
  | RoomRegistration
  | EquipmentRegistration
  | LineRegistration
  | ShiftRegistration;

/**
 * The facility register and media fills at the edge: production's commands with the actor, and
 * the event id from the Idempotency-Key for the append-only records (checks, media fills).
 */
@Injectable()
export class FacilityService {
  constructor(
    private readonly production: ProductionClient,
    private readonly eventIds: EventIds,
  ) {}

  register(
    kind: Parameters<ProductionClient['registerFacilityRecord']>[0],
    body: Registration,
    user: AuthenticatedUser,
  ) {
    return this.production.registerFacilityRecord(kind, { ...body, by: actorOf(user) });
  }

  change(
    kind: Parameters<ProductionClient['changeFacilityRecord']>[0],
    code: string,
    body: AreaChange | RoomChange | EquipmentChange,
    user: AuthenticatedUser,
  ) {
    return this.production.changeFacilityRecord(kind, code, { ...body, by: actorOf(user) });
  }

  recordIntegrityCheck(
    equipmentCode: string,
    body: IntegrityCheckRequest,
    user: AuthenticatedUser,
    idempotency?: IdempotencyScope,
  ) {
    return this.production.recordIntegrityCheck(equipmentCode, {
      ...body,
      eventId: this.eventIds.of(idempotency),
      checkedBy: actorOf(user),
    });
  }

  recordMediaFill(body: MediaFillRequest, user: AuthenticatedUser, idempotency?: IdempotencyScope) {
    return this.production.recordMediaFill({
      ...body,
      eventId: this.eventIds.of(idempotency),
      recordedBy: actorOf(user),
    });
  }
}
