import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { useEffect, useId, useRef, type CSSProperties } from 'react';

// The browser's own file input ("Choose File  No file chosen") looks out of place beside atlaskit
// controls and cannot be styled. It stays in the page, out of sight, for what only it can do: open
// the file dialog, hold the chosen file, and take files set by a test (playwright's setInputFiles
// works on hidden inputs). It takes no focus: the button is the one stop for the keyboard.
const HIDDEN_INPUT: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  border: 0,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
};

const NAME: CSSProperties = { overflowWrap: 'anywhere' };

interface Props {
  /** The field's label, tied to the input ("SARIF file"). */
  label: string;
  /** The kinds of files the dialog offers, as the input's `accept`. */
  accept: string;
  /** The chosen file; undefined clears the input, so the same file may be chosen again. */
  file: File | undefined;
  onChange: (file: File | undefined) => void;
  disabled?: boolean;
  /** The id of the text that says why it is disabled, or anything else the person should hear with it. */
  describedBy?: string;
}

/** "1.2 KB": a file's size, to tell two files of one name apart and see an empty one at once. */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A file field in the atlaskit look: its label, "Choose a file…", and the chosen file's name and size. */
export function FilePicker({ label, accept, file, onChange, disabled = false, describedBy }: Props) {
  const inputId = useId();
  const labelId = useId();
  const chosenId = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!file && input.current) input.current.value = '';
  }, [file]);
  // The button is described by the label rather than named by it: the label names the input alone,
  // which is what tests and assistive technology look up by "SARIF file".
  const description = [labelId, chosenId, describedBy].filter(Boolean).join(' ');
  return (
    <Stack space="space.050">
      <Label htmlFor={inputId} id={labelId}>
        {label}
      </Label>
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <div style={{ position: 'relative' }}>
          <input
            id={inputId}
            ref={input}
            type="file"
            accept={accept}
            disabled={disabled}
            tabIndex={-1}
            aria-describedby={describedBy}
            style={HIDDEN_INPUT}
            onChange={(event) => onChange(event.currentTarget.files?.[0])}
          />
          <Button isDisabled={disabled} aria-describedby={description} onClick={() => input.current?.click()}>
            Choose a file…
          </Button>
        </div>
        <Text color={file ? 'color.text' : 'color.text.subtle'} id={chosenId}>
          {file ? <span style={NAME}>{`${file.name} (${fileSizeText(file.size)})`}</span> : 'No file chosen'}
        </Text>
      </Inline>
    </Stack>
  );
}
