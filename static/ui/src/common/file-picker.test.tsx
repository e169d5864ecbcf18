import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { FilePicker, fileSizeText } from './file-picker';

/** The picker as a form holds it: the chosen file in state, and a way to clear it as an upload does. */
function Holder({ disabled = false, reason }: { disabled?: boolean; reason?: string }) {
  const [file, setFile] = useState<File | undefined>();
  return (
    <>
      {reason && <p id="why">{reason}</p>}
      <FilePicker
        label="SARIF file"
        accept=".sarif,.json"
        file={file}
        onChange={setFile}
        disabled={disabled}
        describedBy={reason ? 'why' : undefined}
      />
      <button type="button" onClick={() => setFile(undefined)}>
        Uploaded
      </button>
    </>
  );
}

const sarif = () => new File(['{"version":"2.1.0","runs":[]}'], 'zap.sarif', { type: 'application/json' });

describe('the file picker', () => {
  it('is an atlaskit button, not the browser’s bare input: the input is labelled, hidden and out of the tab order', () => {
    render(<Holder />);
    const input = screen.getByLabelText('SARIF file') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.accept).toBe('.sarif,.json');
    expect(input.tabIndex).toBe(-1);
    expect(input.style.position).toBe('absolute');
    expect([input.style.width, input.style.height, input.style.overflow]).toEqual(['1px', '1px', 'hidden']);
    const button = screen.getByRole('button', { name: 'Choose a file…' });
    expect(button.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Choose a file…', description: 'SARIF file No file chosen' })).toBe(
      button,
    );
  });

  it('opens the file dialog from the keyboard, then shows the chosen file’s name and size', async () => {
    render(<Holder />);
    const input = screen.getByLabelText('SARIF file') as HTMLInputElement;
    const opened = jest.fn();
    input.addEventListener('click', opened);
    const user = userEvent.setup();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Choose a file…' }));
    await user.keyboard('{Enter}');
    expect(opened).toHaveBeenCalledTimes(1);

    await user.upload(input, sarif());
    expect(screen.getByText('zap.sarif (29 bytes)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Choose a file…' }).getAttribute('aria-describedby')).toBeTruthy();
    expect(
      screen.getByRole('button', { name: 'Choose a file…', description: 'SARIF file zap.sarif (29 bytes)' }),
    ).toBeTruthy();

    // Once the form is done with the file the input is empty, so the same file may be chosen again.
    await user.click(screen.getByRole('button', { name: 'Uploaded' }));
    expect(screen.getByText('No file chosen')).toBeTruthy();
    expect(input.value).toBe('');
  });

  it('is disabled with the reason it is described by, and takes no file', async () => {
    render(<Holder disabled reason="Read only: importing changes the threat model." />);
    const input = screen.getByLabelText('SARIF file') as HTMLInputElement;
    expect(input.disabled).toBe(true);
    expect(input.getAttribute('aria-describedby')).toBe('why');
    const button = screen.getByRole('button', {
      name: 'Choose a file…',
      description: 'SARIF file No file chosen Read only: importing changes the threat model.',
    });
    expect(button.hasAttribute('disabled') || button.getAttribute('aria-disabled') === 'true').toBe(true);
    await userEvent.upload(input, sarif());
    expect(screen.getByText('No file chosen')).toBeTruthy();
  });

  it('gives sizes in bytes, KB and MB', () => {
    expect([1, 900, 1536, 5 * 1024 * 1024].map(fileSizeText)).toEqual(['1 byte', '900 bytes', '1.5 KB', '5.0 MB']);
  });
});
