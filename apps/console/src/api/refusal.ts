/**
 * A refusal as the gateway answers it: `{code, message, fieldErrors?}`, with a use case's
 * field errors under `details`. The console shows the code (a rule ID such as DON-02, or
 * VALIDATION_FAILED) with the server's sentence, and each field error beside its field.
 */
export interface FieldError {
  path: string;
  message: string;
}

export interface Refusal {
  status: number;
  code: string;
  message: string;
  fieldErrors: FieldError[];
  /** What the refusal names beside its sentence, e.g. the earliest free manufacturing day. */
  details?: Record<string, unknown>;
}

interface RefusalBody {
  code?: unknown;
  message?: unknown;
  fieldErrors?: unknown;
  details?: { fieldErrors?: unknown } & Record<string, unknown>;
}

function asFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((f): f is FieldError => typeof f?.path === 'string' && typeof f?.message === 'string')
    .map((f) => ({ path: f.path, message: f.message }));
}

/** The refusal in a response body; a body that is not one becomes `HTTP_<status>`. */
export function refusalOf(status: number, body: unknown): Refusal {
  const b = (typeof body === 'object' && body !== null ? body : {}) as RefusalBody;
  const message = Array.isArray(b.message) ? b.message.join('; ') : b.message;
  return {
    status,
    code: typeof b.code === 'string' ? b.code : `HTTP_${status}`,
    message: typeof message === 'string' ? message : '',
    fieldErrors: asFieldErrors(b.fieldErrors ?? b.details?.fieldErrors),
    ...(typeof b.details === 'object' && b.details !== null ? { details: b.details } : {}),
  };
}

/** Field errors by form field name: `results.0.marker` belongs to the `results` field. */
export function fieldErrorsByField(refusal: Refusal | undefined): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const { path, message } of refusal?.fieldErrors ?? []) {
    const field = path.split('.')[0] || '_';
    byField[field] = byField[field] ? `${byField[field]}; ${message}` : message;
  }
  return byField;
}
