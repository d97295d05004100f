import { Controller, Get, Header, Param, Query, Req, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { DomainError } from '@v2v/contracts';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { Roles } from '../auth/roles.decorator';
import { DonorCodeParam } from '../shared/donor-code.pipe';
import { capabilityStatement, FHIR_JSON, searchsetBundle } from './fhir-bundle';
import { FhirOutcomeFilter } from './fhir-outcome.filter';
import { FhirService } from './fhir.service';

/** Who reads FHIR: the hospital (its own institution's patients) and the manufacturer's desk. */
const FHIR_READERS = ['hospital', 'ops', 'qa-qp', 'scheduler'] as const;
const READERS = ' Roles: hospital (own institution only), ops, qa-qp, scheduler.';

/** When what the CapabilityStatement says last changed. */
const CAPABILITY_DATE = '2026-12-01';

/** A reference search value, `Type/id` or the bare id. */
const referencedId = (value: string, type: string) =>
  value.startsWith(`${type}/`) ? value.slice(type.length + 1) : value;

const required = (name: string, value: string | undefined): string => {
  if (value) return value;
  throw new DomainError('VALIDATION_FAILED', `the search parameter '${name}' is required`);
};

/**
 * TRC-04: FHIR R4 reads of the hospital's patients' journeys, for the hospital's EHR. The
 * tenancy guard scopes every route with a donor code as it does every journey route; refusals
 * are answered as OperationOutcome.
 */
@ApiTags('fhir')
@ApiBearerAuth()
@Controller('fhir/r4')
@UseFilters(FhirOutcomeFilter)
export class FhirController {
  constructor(private readonly fhir: FhirService) {}

  @Get('metadata')
  @Roles(...FHIR_READERS)
  @Header('Content-Type', FHIR_JSON)
  @ApiOperation({
    summary: 'The CapabilityStatement of these FHIR R4 endpoints (TRC-04).' + READERS,
  })
  metadata() {
    return capabilityStatement(CAPABILITY_DATE);
  }

  @Get('ServiceRequest')
  @Roles(...FHIR_READERS)
  @Header('Content-Type', FHIR_JSON)
  @ApiOperation({ summary: "A patient's orders, as a searchset Bundle (TRC-04)." + READERS })
  @ApiQuery({ name: 'patient', required: true, description: 'Patient/<patient reference>' })
  async serviceRequests(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: Request,
    @Query('patient') patient?: string,
  ) {
    const reference = referencedId(required('patient', patient), 'Patient');
    const matches = await this.fhir.serviceRequestsOfPatient(user, reference);
    const self = `ServiceRequest?patient=${encodeURIComponent(reference)}`;
    return searchsetBundle(baseUrl(request), self, matches);
  }

  @Get('ServiceRequest/:donorCode')
  @Roles(...FHIR_READERS)
  @Header('Content-Type', FHIR_JSON)
  @ApiOperation({ summary: 'The order of a journey, by donor code (TRC-04).' + READERS })
  serviceRequest(@DonorCodeParam() donorCode: string) {
    return this.fhir.serviceRequest(donorCode);
  }

  @Get('Specimen/:donorCode')
  @Roles(...FHIR_READERS)
  @Header('Content-Type', FHIR_JSON)
  @ApiOperation({ summary: "The journey's donor material, its latest unit (TRC-04)." + READERS })
  specimen(@DonorCodeParam() donorCode: string) {
    return this.fhir.specimen(donorCode);
  }

  @Get('BiologicallyDerivedProduct/:donorCode')
  @Roles(...FHIR_READERS)
  @Header('Content-Type', FHIR_JSON)
  @ApiOperation({ summary: "The journey's product, with its batch number (TRC-04)." + READERS })
  product(@DonorCodeParam() donorCode: string) {
    return this.fhir.product(donorCode);
  }

  @Get('Procedure/:donorCode')
  @Roles(...FHIR_READERS)
  @Header('Content-Type', FHIR_JSON)
  @ApiOperation({ summary: "The journey's infusion (TRC-04)." + READERS })
  infusion(@DonorCodeParam() donorCode: string) {
    return this.fhir.infusion(donorCode);
  }

  @Get('Patient/:patientReference')
  @Roles(...FHIR_READERS)
  @Header('Content-Type', FHIR_JSON)
  @ApiOperation({ summary: 'A patient: its pseudonymous reference only (TRC-04).' + READERS })
  patient(
    @CurrentUser() user: AuthenticatedUser,
    @Param('patientReference') patientReference: string,
  ) {
    return this.fhir.patient(user, patientReference);
  }

  @Get('Task')
  @Roles(...FHIR_READERS)
  @Header('Content-Type', FHIR_JSON)
  @ApiOperation({
    summary:
      "The hospital's pending steps, as requested Tasks of its institution (TRC-04)." + READERS,
  })
  @ApiQuery({ name: 'owner', required: false, description: "institution id (a hospital's own)" })
  @ApiQuery({ name: 'status', required: false, description: 'requested' })
  async tasks(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: Request,
    @Query('owner') owner?: string,
    @Query('status') status?: string,
  ) {
    const institution = referencedId(
      required('owner', owner ?? user.institutionId ?? undefined),
      'Organization',
    );
    // Every Task this server knows is requested: another status matches none.
    const matches =
      status === undefined || status === 'requested'
        ? await this.fhir.hospitalTasks(user, institution)
        : [];
    const query = new URLSearchParams({ owner: institution, ...(status ? { status } : {}) });
    const self = `Task?${query.toString()}`;
    return searchsetBundle(baseUrl(request), self, matches);
  }
}

/** The base the resources' full URLs are read from, as the client reached the gateway. */
export function baseUrl(request: Request): string {
  return `${request.protocol}://${request.get('host')}/fhir/r4`;
}
