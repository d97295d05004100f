import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { DomainError } from '@v2v/contracts';
import { Roles } from '../auth/roles.decorator';
import { JourneyWorkflowRepository } from '../journeys/journey-workflow.repository';
import { DonorCodeParam } from '../shared/donor-code.pipe';
import { journeyRecordCsv } from './journey-record.csv';
import { journeyRecordsPdf } from './journey-record.pdf';
import { JourneyRecordService } from './journey-record.service';

/** A date (whole days, UTC) or an exact date-time; `to` is inclusive. */
const bound = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const range = z
  .strictObject({ from: bound, to: bound })
  .transform(({ from, to }) => ({
    from: from.length === 10 ? `${from}T00:00:00Z` : from,
    to: to.length === 10 ? `${to}T23:59:59.999Z` : to,
  }))
  .refine((r) => Date.parse(r.from) <= Date.parse(r.to), { message: 'from must not be after to' });
const MAX_JOURNEYS = 200;

/** Inspector exports, of one journey or of the journeys started in a date range. */
@ApiTags('exports')
@ApiBearerAuth()
@Controller('api')
export class ExportsController {
  constructor(
    private readonly records: JourneyRecordService,
    private readonly journeys: JourneyWorkflowRepository,
  ) {}

  @Get('journeys/:donorCode/export.csv')
  @Roles('ops', 'qa-qp')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({
    summary:
      "The journey's trace, signatures and audit trail as CSV, with the head hashes. Roles: ops, qa-qp.",
  })
  async csv(@DonorCodeParam() donorCode: string) {
    return journeyRecordCsv(await this.records.collect(donorCode));
  }

  @Get('journeys/:donorCode/export.json')
  @Roles('ops', 'qa-qp')
  @ApiOperation({
    summary:
      "The journey's ledger chain, every entry with its stored canonical content and hashes, and a checkpoint of its head signed now (Ed25519), for `npm run verify -- --offline`. Roles: ops, qa-qp.",
  })
  json(@DonorCodeParam() donorCode: string) {
    return this.records.ledgerExport(donorCode);
  }

  @Get('journeys/:donorCode/export.pdf')
  @Roles('ops', 'qa-qp')
  @Header('content-type', 'application/pdf')
  @ApiOperation({ summary: 'The same as a PDF report. Roles: ops, qa-qp.' })
  async pdf(@DonorCodeParam() donorCode: string) {
    const record = await this.records.collect(donorCode);
    return new StreamableFile(await journeyRecordsPdf([record], `Journey ${record.donorCode}`));
  }

  @Get('exports/journeys.csv')
  @Roles('ops', 'qa-qp')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({
    summary: `Every journey started in a date range (at most ${MAX_JOURNEYS}), as CSV. Roles: ops, qa-qp.`,
  })
  @ApiQuery({ name: 'from', example: '2026-11-01' })
  @ApiQuery({ name: 'to', example: '2026-11-30' })
  async rangeCsv(@Query() query: unknown) {
    return (await this.collectRange(query)).map(journeyRecordCsv).join('\r\n');
  }

  @Get('exports/journeys.pdf')
  @Roles('ops', 'qa-qp')
  @Header('content-type', 'application/pdf')
  @ApiOperation({
    summary: `Every journey started in a date range (at most ${MAX_JOURNEYS}), as one PDF report. Roles: ops, qa-qp.`,
  })
  @ApiQuery({ name: 'from', example: '2026-11-01' })
  @ApiQuery({ name: 'to', example: '2026-11-30' })
  async rangePdf(@Query() query: unknown) {
    const { from, to } = range.parse(query);
    return new StreamableFile(
      await journeyRecordsPdf(await this.collectRange(query), `Journeys started ${from} to ${to}`),
    );
  }

  private async collectRange(query: unknown) {
    const { from, to } = range.parse(query);
    const started = await this.journeys.startedBetween(from, to, MAX_JOURNEYS + 1);
    if (started.length > MAX_JOURNEYS) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `more than ${MAX_JOURNEYS} journeys started in that range; export a shorter one`,
      );
    }
    const records = [];
    for (const donorCode of started) records.push(await this.records.collect(donorCode));
    return records;
  }
}
