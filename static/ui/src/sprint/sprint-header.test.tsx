import { render, screen } from '@testing-library/react';
import { SprintHeader } from './sprint-header';

const SPRINT = { id: 12, name: 'PAY Sprint 12', state: 'active' as const, goal: '', boardId: 1 };

describe('sprint header: the project risk against its tolerance', () => {
  it('says when the risk now is above the tolerance, and whether this sprint brings it within', () => {
    const { rerender } = render(<SprintHeader sprint={SPRINT} risk={{ now: 106.5, afterSprint: 70, tolerance: 80 }} />);
    expect(screen.getByTestId('sprint-above-tolerance').textContent).toBe(
      '⚠ Risk now is above the project’s tolerance of 80; this sprint brings it within.',
    );

    rerender(<SprintHeader sprint={SPRINT} risk={{ now: 106.5, afterSprint: 90, tolerance: 80 }} />);
    expect(screen.getByTestId('sprint-above-tolerance').textContent).toContain('still above after this sprint');

    rerender(<SprintHeader sprint={SPRINT} risk={{ now: 60, afterSprint: 50, tolerance: 80 }} />);
    expect(screen.queryByTestId('sprint-above-tolerance')).toBeNull();
  });
});
