import { Module } from '@nestjs/common';
import { SharedModule } from '../shared/shared.module';
import { AuditTrailService } from './audit-trail.service';
import { AuditController } from './audit.controller';

/** CSV-01: the audit trail across services, and the integrity verification. */
@Module({
  imports: [SharedModule],
  controllers: [AuditController],
  providers: [AuditTrailService],
  exports: [AuditTrailService],
})
export class AuditModule {}
