import type { CSSProperties, ReactNode } from 'react';
import { Text } from '@backstage/ui';
import { makeStyles } from '@material-ui/core/styles';

/**
 * The inventory table's elements: a plain HTML table in @backstage/ui's
 * look (its spacing, font and border tokens), without react-aria.
 *
 * Why not @backstage/ui's `Table`: it is a react-aria grid, which builds
 * its collection in a hidden render before the real one and gives every
 * row and cell focus, press and selection hooks. For the 50–200 rows of a
 * page that was most of the time from the inventory's answer to its paint.
 * The table only shows what the backend sorted and paged; the one
 * interaction it has, sorting, is a button in each sortable header.
 *
 * Widths are set on the header cells and the table is
 * `table-layout: fixed`, so the browser lays it out once, from the header
 * row, whatever the rows hold.
 */
const useStyles = makeStyles({
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    tableLayout: 'fixed',
    transition: 'opacity 0.2s ease-in-out',
    '&[data-stale="true"]': { opacity: 0.6 },
  },
  head: {
    textAlign: 'left',
    padding: 'var(--bui-space-3)',
    fontSize: 'var(--bui-font-size-3)',
    lineHeight: 1.15,
    color: 'var(--bui-fg-primary)',
    borderBottom: '1px solid var(--bui-border-2)',
    whiteSpace: 'nowrap',
  },
  sortButton: {
    all: 'unset',
    cursor: 'pointer',
    display: 'inline-flex',
    alignItems: 'center',
    gap: 'var(--bui-space-1)',
    '&:focus-visible': { outline: '2px solid var(--bui-ring, #1f5493)' },
    '& svg': {
      opacity: 0,
      color: 'var(--bui-fg-secondary)',
      transition: 'opacity 0.1s ease-in-out',
    },
    '&:hover svg, &[data-sorted] svg': { opacity: 1 },
    '&[data-sorted="descending"] svg': { transform: 'rotate(180deg)' },
  },
  row: {
    borderBottom: '1px solid var(--bui-border-2)',
    color: 'var(--bui-fg-primary)',
  },
  cell: {
    padding: 'var(--bui-space-3)',
    fontSize: 'var(--bui-font-size-3)',
    fontFamily: 'var(--bui-font-regular)',
    lineHeight: 1.15,
    minWidth: 0,
    overflow: 'hidden',
    textAlign: 'left',
    fontWeight: 'inherit',
  },
});

export type SortDirection = 'ascending' | 'descending';

export function PlainTable(props: {
  stale?: boolean;
  busy?: boolean;
  style?: CSSProperties;
  children: ReactNode;
}) {
  const classes = useStyles();
  return (
    <table
      className={classes.table}
      style={props.style}
      data-stale={props.stale ? 'true' : undefined}
      aria-busy={props.busy || undefined}
    >
      {props.children}
    </table>
  );
}

/** An upward arrow; turned for a descending sort (CSS). */
function SortArrow() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
      <path
        fill="currentColor"
        d="M13 7.83V20h-2V7.83l-5.36 5.36-1.42-1.42L12 4l7.78 7.78-1.42 1.42z"
      />
    </svg>
  );
}

/**
 * A column header. A sortable one holds a button: pressed, it sorts
 * ascending, or flips the direction when the column is already the sort (as
 * react-aria's table did). The header cell handles the click, so a click
 * anywhere on it sorts; the button (focusable, Enter and Space press it)
 * has no handler of its own and its click bubbles up to the cell's.
 */
export function HeaderCell(props: {
  width?: number;
  sorted?: SortDirection;
  onSort?: (direction: SortDirection) => void;
  children: ReactNode;
}) {
  const classes = useStyles();
  const { width, sorted, onSort, children } = props;
  return (
    <th
      scope="col"
      className={classes.head}
      style={{
        ...(width ? { width } : {}),
        ...(onSort ? { cursor: 'pointer' } : {}),
      }}
      aria-sort={sorted ?? (onSort ? 'none' : undefined)}
      onClick={
        onSort
          ? () => onSort(sorted === 'ascending' ? 'descending' : 'ascending')
          : undefined
      }
    >
      {onSort ? (
        <button
          type="button"
          className={classes.sortButton}
          data-sorted={sorted}
        >
          {children}
          <SortArrow />
        </button>
      ) : (
        children
      )}
    </th>
  );
}

export function Row(props: { children: ReactNode }) {
  const classes = useStyles();
  return <tr className={classes.row}>{props.children}</tr>;
}

/** A body cell; the row's header cell (the product) when `rowHeader`. */
export function TableCell(props: {
  rowHeader?: boolean;
  colSpan?: number;
  children?: ReactNode;
}) {
  const classes = useStyles();
  return props.rowHeader ? (
    <th scope="row" className={classes.cell}>
      {props.children}
    </th>
  ) : (
    <td className={classes.cell} colSpan={props.colSpan}>
      {props.children}
    </td>
  );
}

/** A cell of one short text, cut with an ellipsis (its tooltip the whole). */
export function TextCell(props: {
  text: string;
  color?: 'primary' | 'secondary';
}) {
  return (
    <TableCell>
      <Text
        as="p"
        variant="body-medium"
        color={props.color ?? 'primary'}
        truncate
        title={props.text}
      >
        {props.text}
      </Text>
    </TableCell>
  );
}
