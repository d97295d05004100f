import { infrastructureRefusal, isInfrastructureFailure } from './infrastructure-failure';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('infrastructure failures', () => {
  it('CSV-04 knows PostgreSQL, the network and Temporal away, through causes and driver errors', () => {
    for (const away of [
      pgError('57P01', 'terminating connection due to administrator command'),
      pgError('57P03', 'the database system is starting up'),
      pgError('08006', 'connection failure'),
      Object.assign(new Error('QueryFailedError'), { driverError: { code: '53300' } }),
      pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      Object.assign(new Error('Failed to query workflow'), {
        cause: Object.assign(new Error('14 UNAVAILABLE'), { code: 14, details: 'down' }),
      }),
    ]) {
      expect(isInfrastructureFailure(away)).toBe(true);
    }
  });

  it("CSV-04 blames the request's own faults on the request, not on a server away", () => {
    for (const own of [
      pgError('23505', 'duplicate key value violates unique constraint'),
      pgError('22008', 'date/time field value out of range'),
      new Error('Cannot read properties of undefined'),
      undefined,
    ]) {
      expect(isInfrastructureFailure(own)).toBe(false);
      expect(infrastructureRefusal(own)).toBeUndefined();
    }
  });

  it('CSV-04 answers a server away as SERVICE_UNAVAILABLE with a retry hint', () => {
    expect(infrastructureRefusal(pgError('57P01', 'terminating connection'))).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      details: { retryAfterSeconds: 5 },
    });
  });
});
