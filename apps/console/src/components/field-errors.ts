import type { FormInstance } from 'antd';
import { fieldErrorsByField, type Refusal } from '../api/refusal';

/**
 * Puts the server's field errors beside the form's fields (they clear when the field is
 * edited). The refusal's banner still shows the rule ID and its sentence.
 */
export function showFieldErrors(form: FormInstance, refusal: Refusal, names: string[]): void {
  const byField = fieldErrorsByField(refusal);
  form.setFields(
    names.filter((name) => byField[name]).map((name) => ({ name, errors: [byField[name]] })),
  );
}
