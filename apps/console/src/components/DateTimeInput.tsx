import { Input } from 'antd';

/**
 * A date and time to the second in the user's own time zone (the browser's native picker); the
 * form converts it to the instant the API records (`instantOf`).
 */
export function DateTimeInput(props: { value?: string; onChange?(value: string): void }) {
  return (
    <Input
      type="datetime-local"
      step={1}
      value={props.value}
      onChange={(e) => props.onChange?.(e.target.value)}
    />
  );
}
