import { Input, type InputProps } from 'antd';

type Props = Omit<InputProps, 'value' | 'onChange' | 'type'> & {
  value?: string;
  onChange?(value: string): void;
};

/**
 * A date and time to the second in the user's own time zone (the browser's native picker); the
 * form converts it to the instant the API records (`instantOf`). Form.Item's id and aria
 * attributes pass through, so its label names the input.
 */
export function DateTimeInput({ value, onChange, ...rest }: Props) {
  return (
    <Input
      {...rest}
      type="datetime-local"
      step={1}
      value={value}
      onChange={(e) => onChange?.(e.target.value)}
    />
  );
}
