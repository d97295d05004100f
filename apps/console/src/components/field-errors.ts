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

/** A server path as a form's name path: `results.0.method` is `['results', 0, 'method']`. */
export function namePathOf(path: string): Array<string | number> {
  return path
    .split('.')
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * For forms whose values have the request body's shape (lists included): each server field
 * error goes beside the field at its exact path.
 */
export function showFieldErrorsAtPaths(form: FormInstance, refusal: Refusal): void {
  form.setFields(
    refusal.fieldErrors
      .filter(({ path }) => path !== '')
      .map(({ path, message }) => ({ name: namePathOf(path), errors: [message] })),
  );
}
