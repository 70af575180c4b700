import { bySeverity, isSeverity } from './severity';

describe('bySeverity', () => {
  it('puts errors first, then warnings, then info, keeping order within one', () => {
    const findings = [
      { severity: 'info' as const, id: 1 },
      { severity: 'warning' as const, id: 2 },
      { severity: 'error' as const, id: 3 },
      { severity: 'warning' as const, id: 4 },
      { severity: 'error' as const, id: 5 },
    ];
    expect([...findings].sort(bySeverity).map(f => f.id)).toEqual([
      3, 5, 2, 4, 1,
    ]);
  });

  it('knows the three severities only', () => {
    expect(['error', 'warning', 'info'].every(isSeverity)).toBe(true);
    expect(['fatal', 'Error', '', undefined].some(isSeverity)).toBe(false);
  });
});
