import { MigrationInterface } from 'typeorm';

/**
 * Once seeded a demo key-material catalogue. Demo data is no migration's business: the same
 * materials and lots are now seeded locally by tools/platform (demo-production.seeder.ts),
 * and a database that ran this migration before keeps what it created. Kept, empty, so the
 * migration history of existing databases stays as it is.
 */
export class SeedKeyMaterials1764117100000 implements MigrationInterface {
  name = 'SeedKeyMaterials1764117100000';

  async up(): Promise<void> {}

  async down(): Promise<void> {}
}
