import { Controller } from '@nestjs/common';
import { HealthController } from '@v2v/service-kit';
import { Public } from '../auth/roles.decorator';

/** The shared health check, open to probes without a token (it reveals no journey data). */
@Public()
@Controller('health')
export class PublicHealthController extends HealthController {}
