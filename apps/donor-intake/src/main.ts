import './tracing';
import 'reflect-metadata';
import { bootstrapService, readServiceConfig, SERVICE_PORTS } from '@v2v/service-kit';
import { DonorIntakeModule } from './donor-intake.module';

// The one place the app reads its environment: validated here, injected from here on.
const config = readServiceConfig('donor-intake', SERVICE_PORTS.donorIntake);

void bootstrapService(DonorIntakeModule, { port: SERVICE_PORTS.donorIntake, config });
