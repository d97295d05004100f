import { Injectable, Param, PipeTransform } from '@nestjs/common';
import { donorCodeOfPathSegment, requireDonorCode } from '@v2v/contracts';

/**
 * TRC-02 on a route's donor code: a code with a wrong structure or check character is refused
 * 400 with TRC-02; a valid one is passed on canonical. The tenancy guard (which runs before
 * pipes) has already refused a malformed or foreign code on every authenticated route, so this
 * is what gives the handler its canonical code. A '.' stands for the check character '*', as in
 * the FHIR ids the gateway serves (`donorCodeOfPathSegment`).
 */
@Injectable()
export class DonorCodePipe implements PipeTransform<string, string> {
  transform(raw: string): string {
    return requireDonorCode(donorCodeOfPathSegment(raw));
  }
}

/** The route's `:donorCode`, checked and canonical (DonorCodePipe). */
export const DonorCodeParam = () => Param('donorCode', DonorCodePipe);
