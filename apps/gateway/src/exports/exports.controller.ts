import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { journeyRecordCsv } from './journey-record.csv';
import { journeyRecordPdf } from './journey-record.pdf';
import { JourneyRecordService } from './journey-record.service';

/** Inspector exports of one journey, each carrying the hashes to check against `verify`. */
@ApiTags('exports')
@ApiBearerAuth()
@Controller('api/journeys')
export class ExportsController {
  constructor(private readonly records: JourneyRecordService) {}

  @Get(':donorCode/export.csv')
  @Roles('ops', 'qa-qp')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'The journey\'s trace and audit trail as CSV, with the ledger head hash. Roles: ops, qa-qp.' })
  async csv(@Param('donorCode') code: string) {
    return journeyRecordCsv(await this.records.collect(code));
  }

  @Get(':donorCode/export.pdf')
  @Roles('ops', 'qa-qp')
  @Header('content-type', 'application/pdf')
  @ApiOperation({ summary: 'The journey\'s trace and audit trail as a PDF report, with the ledger head hash. Roles: ops, qa-qp.' })
  async pdf(@Param('donorCode') code: string) {
    return new StreamableFile(await journeyRecordPdf(await this.records.collect(code)));
  }
}
