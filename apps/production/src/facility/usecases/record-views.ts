import type { Equipment, Room } from '../facility';

/** A room as its audit entries record it: its own fields, not its area's. */
export const roomRecord = ({ area: _area, ...room }: Room) => room;

/** Equipment as its audit entries record it: without the standing derived from its checks. */
export const equipmentRecord = ({
  lastPassedIntegrityCheckAt: _passed,
  lastIntegrityCheckFailedAt: _failed,
  ...equipment
}: Equipment) => equipment;
