import { BadRequestException, PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { validationBody } from './domain-error.filter';

/** Validates a request body against a contract schema; 400 lists every field error. */
export class ZodBodyPipe<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.infer<T> {
    const result = this.schema.safeParse(value);
    if (!result.success) throw new BadRequestException(validationBody(result.error));
    return result.data;
  }
}
