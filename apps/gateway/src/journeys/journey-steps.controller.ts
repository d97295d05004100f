import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DonorCodeParam } from '../shared/donor-code.pipe';
import { JourneyStepsService } from './journey-steps.service';
import { Caller, StepCaller } from './step-caller.decorator';
import { StepEndpoint } from './step-endpoint.decorator';

/**
 * One endpoint per business step of a journey, its route, roles and OpenAPI description from
 * STEP_ROUTES (StepEndpoint). Each method only translates HTTP.
 */
@ApiTags('journeys')
@Controller('api/journeys')
export class JourneyStepsController {
  constructor(private readonly steps: JourneyStepsService) {}

  @StepEndpoint('recordDonorScreening')
  recordDonorScreening(
    @DonorCodeParam() code: string,
    @Body() body: unknown,
    @Caller() caller: StepCaller,
  ) {
    return this.steps.take('recordDonorScreening', code, body, caller);
  }

  @StepEndpoint('scheduleCollection')
  scheduleCollection(
    @DonorCodeParam() code: string,
    @Body() body: unknown,
    @Caller() caller: StepCaller,
  ) {
    return this.steps.take('scheduleCollection', code, body, caller);
  }

  @StepEndpoint('postponeCollection')
  postponeCollection(
    @DonorCodeParam() code: string,
    @Body() body: unknown,
    @Caller() caller: StepCaller,
  ) {
    return this.steps.take('postponeCollection', code, body, caller);
  }

  @StepEndpoint('recordCollection')
  recordCollection(
    @DonorCodeParam() code: string,
    @Body() body: unknown,
    @Caller() caller: StepCaller,
  ) {
    return this.steps.take('recordCollection', code, body, caller);
  }

  @StepEndpoint('recordPostCollectionStorage')
  recordPostCollectionStorage(
    @DonorCodeParam() code: string,
    @Body() body: unknown,
    @Caller() caller: StepCaller,
  ) {
    return this.steps.take('recordPostCollectionStorage', code, body, caller);
  }

  @StepEndpoint('handOverToCourier')
  handOverToCourier(
    @DonorCodeParam() code: string,
    @Body() body: unknown,
    @Caller() caller: StepCaller,
  ) {
    return this.steps.take('handOverToCourier', code, body, caller);
  }

  @StepEndpoint('recordMaterialReceipt')
  recordMaterialReceipt(
    @DonorCodeParam() code: string,
    @Body() body: unknown,
    @Caller() caller: StepCaller,
  ) {
    return this.steps.take('recordMaterialReceipt', code, body, caller);
  }

  @StepEndpoint('releaseMaterial')
  releaseMaterial(
    @DonorCodeParam() code: string,
    @Body() body: unknown,
    @Caller() caller: StepCaller,
  ) {
    return this.steps.take('releaseMaterial', code, body, caller);
  }

  @StepEndpoint('rejectMaterial')
  rejectMaterial(
    @DonorCodeParam() code: string,
    @Body() body: unknown,
    @Caller() caller: StepCaller,
  ) {
    return this.steps.take('rejectMaterial', code, body, caller);
  }

  @StepEndpoint('startProduction')
  startProduction(
    @DonorCodeParam() code: string,
    @Body() body: unknown,
    @Caller() caller: StepCaller,
  ) {
    return this.steps.take('startProduction', code, body, caller);
  }

  @StepEndpoint('completeProduction')
  completeProduction(
    @DonorCodeParam() code: string,
    @Body() body: unknown,
    @Caller() caller: StepCaller,
  ) {
    return this.steps.take('completeProduction', code, body, caller);
  }

  @StepEndpoint('rejectFailedBatch')
  rejectFailedBatch(
    @DonorCodeParam() code: string,
    @Body() body: unknown,
    @Caller() caller: StepCaller,
  ) {
    return this.steps.take('rejectFailedBatch', code, body, caller);
  }

  @StepEndpoint('remanufactureBatch')
  remanufactureBatch(
    @DonorCodeParam() code: string,
    @Body() body: unknown,
    @Caller() caller: StepCaller,
  ) {
    return this.steps.take('remanufactureBatch', code, body, caller);
  }

  @StepEndpoint('recordQcResult')
  recordQcResult(
    @DonorCodeParam() code: string,
    @Body() body: unknown,
    @Caller() caller: StepCaller,
  ) {
    return this.steps.take('recordQcResult', code, body, caller);
  }

  @StepEndpoint('releaseBatch')
  releaseBatch(
    @DonorCodeParam() code: string,
    @Body() body: unknown,
    @Caller() caller: StepCaller,
  ) {
    return this.steps.take('releaseBatch', code, body, caller);
  }

  @StepEndpoint('rejectBatch')
  rejectBatch(@DonorCodeParam() code: string, @Body() body: unknown, @Caller() caller: StepCaller) {
    return this.steps.take('rejectBatch', code, body, caller);
  }

  @StepEndpoint('shipToSite')
  shipToSite(@DonorCodeParam() code: string, @Body() body: unknown, @Caller() caller: StepCaller) {
    return this.steps.take('shipToSite', code, body, caller);
  }

  @StepEndpoint('receiveAtSite')
  receiveAtSite(
    @DonorCodeParam() code: string,
    @Body() body: unknown,
    @Caller() caller: StepCaller,
  ) {
    return this.steps.take('receiveAtSite', code, body, caller);
  }

  @StepEndpoint('recordThaw')
  recordThaw(@DonorCodeParam() code: string, @Body() body: unknown, @Caller() caller: StepCaller) {
    return this.steps.take('recordThaw', code, body, caller);
  }

  @StepEndpoint('recordInfusion')
  recordInfusion(
    @DonorCodeParam() code: string,
    @Body() body: unknown,
    @Caller() caller: StepCaller,
  ) {
    return this.steps.take('recordInfusion', code, body, caller);
  }

  @StepEndpoint('completeFollowUp')
  completeFollowUp(
    @DonorCodeParam() code: string,
    @Body() body: unknown,
    @Caller() caller: StepCaller,
  ) {
    return this.steps.take('completeFollowUp', code, body, caller);
  }

  @StepEndpoint('cancelJourney')
  cancelJourney(
    @DonorCodeParam() code: string,
    @Body() body: unknown,
    @Caller() caller: StepCaller,
  ) {
    return this.steps.take('cancelJourney', code, body, caller);
  }
}
