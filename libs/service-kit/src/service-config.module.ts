import { DynamicModule, Global, Module } from '@nestjs/common';
import { ServiceConfig } from './service-config';

/** Makes the app's one validated config injectable everywhere (`bootstrapService` imports it). */
@Global()
@Module({})
export class ServiceConfigModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: ServiceConfigModule,
      providers: [{ provide: ServiceConfig, useValue: config }],
      exports: [ServiceConfig],
    };
  }
}

/** For factories that also run without a booted config (a library's fallback: the process env). */
export const OPTIONAL_SERVICE_CONFIG = { token: ServiceConfig, optional: true } as const;

export function envOf(config: ServiceConfig | undefined): NodeJS.ProcessEnv {
  return config?.env ?? process.env;
}
