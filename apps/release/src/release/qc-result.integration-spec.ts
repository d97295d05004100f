import { DataSource } from 'typeorm';
import { releaseDataSourceOptions } from '../release.data-source';

// Real PostgreSQL, the release schema as migrated, the service's own connection.
let dataSource: DataSource;
beforeAll(async () => {
  dataSource = await new DataSource(releaseDataSourceOptions()).initialize();
});
afterAll(() => dataSource?.destroy());

describe('QC results as written (CSV-01)', () => {
  it('CSV-01 the service role cannot overwrite a QC result', async () => {
    await expect(
      dataSource.query(`UPDATE release.qc_result SET value = value WHERE false`),
    ).rejects.toThrow(/permission denied for table qc_result/);
  });
});
