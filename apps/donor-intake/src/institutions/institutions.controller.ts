import { Controller, Get } from '@nestjs/common';
import { InstitutionRepository } from './institution.repository';

@Controller('internal/institutions')
export class InstitutionsController {
  constructor(private readonly institutions: InstitutionRepository) {}

  @Get()
  list() {
    return this.institutions.list();
  }
}
