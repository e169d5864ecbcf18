import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ThreatDraft } from '../../../../src/domain/threat-model/threat';
import { ThreatForm } from '../threat-model/threat-form';

// The threat form's "CWE ids": what security-test results (SARIF) are matched against.

const existing: Partial<ThreatDraft> = {
  title: 'Session hijacked',
  stride: ['S'],
  probability: 3,
  impact: 5,
  cwe: ['CWE-79'],
};

function renderForm(initial: Partial<ThreatDraft>) {
  const onSubmit = jest.fn<Promise<string | undefined>, [ThreatDraft]>(async () => undefined);
  render(<ThreatForm initial={initial} submitLabel="Save" onSubmit={onSubmit} onCancel={jest.fn()} />);
  return { onSubmit, user: userEvent.setup() };
}

describe('the CWE ids of a threat', () => {
  it('shows the stored ones and sends what is typed, in the app’s spelling, each once', async () => {
    const { onSubmit, user } = renderForm(existing);
    const field = screen.getByLabelText('CWE ids');
    expect((field as HTMLInputElement).value).toBe('CWE-79');
    await user.type(field, ', cwe-1004 79; 352');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit.mock.calls[0]?.[0].cwe).toEqual(['CWE-79', 'CWE-1004', 'CWE-352']);
  });

  it('refuses what is not a CWE id, and clears the list when emptied', async () => {
    const { onSubmit, user } = renderForm(existing);
    const field = screen.getByLabelText('CWE ids');
    await user.clear(field);
    await user.type(field, 'XSS');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('A CWE looks like CWE-79')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
    await user.clear(field);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit.mock.calls[0]?.[0].cwe).toEqual([]);
  });
});
