import { randomUUID } from 'node:crypto';

/** Fresh identifiers, as a port: services ask it instead of `randomUUID()`. */
export abstract class IdGenerator {
  abstract uuid(): string;
}

export class RandomIdGenerator extends IdGenerator {
  uuid(): string {
    return randomUUID();
  }
}
