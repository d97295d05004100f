import type { Client } from '@temporalio/client';
import { getTemporalClient } from '@v2v/temporal';

/**
 * The Temporal client, as a port. The process's one client (libs/temporal) connects on first
 * use, so a gateway boots while Temporal is still starting, as before.
 */
export abstract class TemporalConnection {
  abstract client(): Promise<Client>;
}

export class SharedTemporalConnection extends TemporalConnection {
  client(): Promise<Client> {
    return getTemporalClient();
  }
}
