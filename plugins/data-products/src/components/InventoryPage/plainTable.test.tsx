import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HeaderCell, PlainTable } from './plainTable';

function header(props: Parameters<typeof HeaderCell>[0]) {
  render(
    <PlainTable>
      <thead>
        <tr>
          <HeaderCell {...props} />
        </tr>
      </thead>
    </PlainTable>,
  );
  return screen.getByRole('columnheader', { name: 'Reliability' });
}

describe('HeaderCell', () => {
  it('sorts ascending when an unsorted column is pressed', async () => {
    const onSort = jest.fn();
    const th = header({ onSort, children: 'Reliability' });
    expect(th).toHaveAttribute('aria-sort', 'none');
    await userEvent.click(th);
    expect(onSort).toHaveBeenCalledWith('ascending');
  });

  it('flips the direction of the sorted column, from the keyboard too', async () => {
    const onSort = jest.fn();
    const th = header({ sorted: 'ascending', onSort, children: 'Reliability' });
    expect(th).toHaveAttribute('aria-sort', 'ascending');
    screen.getByRole('button', { name: 'Reliability' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(onSort).toHaveBeenCalledTimes(1);
    expect(onSort).toHaveBeenCalledWith('descending');
  });

  it('is plain text when the column cannot be sorted', () => {
    const th = header({ width: 120, children: 'Reliability' });
    expect(th).not.toHaveAttribute('aria-sort');
    expect(screen.queryByRole('button')).toBeNull();
    expect(th).toHaveStyle({ width: '120px' });
  });
});
