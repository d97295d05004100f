import { App, Button, Card, Form, type FormInstance } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outcome } from '../api/client';
import type { Refusal } from '../api/refusal';
import { showFieldErrorsAtPaths } from './field-errors';
import { RefusalAlert } from './RefusalAlert';

/** Initial values: any part of the form's values, lists included. */
type DeepPartial<T> = T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

interface Props<V> {
  form: FormInstance<V>;
  title: ReactNode;
  /** The card's test id. */
  name: string;
  submitLabel: string;
  initialValues?: DeepPartial<V>;
  /** Sends the checked values; a refusal stays above the form, its field errors beside. */
  send(values: V): Promise<Outcome<unknown>>;
  /** Asked before sending, e.g. to confirm a value that will be recorded as a deviation. */
  confirm?(values: V): Promise<boolean>;
  onRecorded(data: unknown): void;
  /** What the refusal offers to do next, shown under it (e.g. book the earliest free day). */
  onRefusal?(refusal: Refusal): ReactNode;
  children: ReactNode;
}

/**
 * One GMP record's form: antd checks every field before anything is sent, the server's refusal
 * shows its rule ID and sentence, and its field errors go beside the fields (the form's values
 * have the request body's shape).
 */
export function StepForm<V>(props: Props<V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [refusal, setRefusal] = useState<Refusal>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: V) => {
    if (props.confirm && !(await props.confirm(values))) return;
    setBusy(true);
    setRefusal(undefined);
    const result = await props.send(values);
    setBusy(false);
    if (!result.ok) {
      showFieldErrorsAtPaths(props.form, result.refusal);
      return setRefusal(result.refusal);
    }
    void message.success(t('form.recorded'));
    props.onRecorded(result.data);
  };

  return (
    <Card
      size="small"
      title={<h2 className="card-title">{props.title}</h2>}
      data-testid={props.name}
      style={{ marginBottom: 16 }}
    >
      <RefusalAlert refusal={refusal} />
      {refusal && props.onRefusal?.(refusal)}
      <Form<V>
        form={props.form}
        layout="vertical"
        onFinish={submit}
        initialValues={props.initialValues as Record<string, unknown> | undefined}
        scrollToFirstError
      >
        {props.children}
        <Button type="primary" htmlType="submit" loading={busy}>
          {props.submitLabel}
        </Button>
      </Form>
    </Card>
  );
}
