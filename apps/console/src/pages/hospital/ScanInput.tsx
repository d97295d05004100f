import { Input, type InputRef } from 'antd';
import { type Ref } from 'react';

/**
 * A field for a keyboard-wedge scanner: the scanner types the barcode and sends Enter, which
 * must not submit the form half filled but hand on to the next scan (`onScanned`).
 */
export function ScanInput(props: {
  /** Form.Item's field id: the label's `for` names it (a field without one is unlabelled). */
  id?: string;
  value?: string;
  onChange?(value: string): void;
  onScanned(): void;
  inputRef?: Ref<InputRef>;
  autoFocus?: boolean;
  'data-testid'?: string;
}) {
  return (
    <Input
      ref={props.inputRef}
      id={props.id}
      value={props.value}
      autoFocus={props.autoFocus}
      autoComplete="off"
      data-testid={props['data-testid']}
      onChange={(e) => props.onChange?.(e.target.value)}
      onPressEnter={(e) => {
        e.preventDefault();
        props.onScanned();
      }}
    />
  );
}
