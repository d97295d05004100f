import 'reflect-metadata';
import { bootstrapService, SERVICE_PORTS } from '@v2v/service-kit';
import { DonorIntakeModule } from './donor-intake.module';

void bootstrapService(DonorIntakeModule, { port: SERVICE_PORTS.donorIntake });
