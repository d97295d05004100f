import { Module } from '@nestjs/common';
import { SharedModule } from '../shared/shared.module';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** The institutions' notification feeds and their acknowledgements (TRC-04). */
@Module({
  imports: [SharedModule],
  controllers: [NotificationsController],
  providers: [NotificationsService],
})
export class NotificationsModule {}
