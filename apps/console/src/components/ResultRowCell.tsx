import { Form, type FormInstance, Input } from 'antd';
import type { Rule } from 'antd/es/form';
import { DateTimeInput } from './DateTimeInput';

/**
 * The results tables (QC's results, the donor material's tests) have one row per test under
 * `rows`: a row left without a value is not sent, and a row with one needs the rest of its
 * record. This rule makes a field of row `index` needed once the row's value is entered.
 */
export function neededWithValue(form: FormInstance, index: number, message: string): Rule {
  return {
    validator: (_: unknown, field: unknown) =>
      !form.getFieldValue(['rows', index, 'value'])?.trim() || String(field ?? '').trim()
        ? Promise.resolve()
        : Promise.reject(new Error(message)),
  };
}

interface Props {
  index: number;
  name: string;
  /** The accessible name: the test's code and the column, as no visible label sits beside it. */
  label: string;
  rules: Rule[];
}

/** One field of a results row; the other fields are validated again when its value changes. */
export function ResultRowCell({ index, name, label, rules }: Props) {
  return (
    <Form.Item
      name={['rows', index, name]}
      dependencies={name === 'value' ? [] : [['rows', index, 'value']]}
      rules={rules}
      style={{ margin: 0 }}
    >
      {name === 'testedAt' ? <DateTimeInput aria-label={label} /> : <Input aria-label={label} />}
    </Form.Item>
  );
}
