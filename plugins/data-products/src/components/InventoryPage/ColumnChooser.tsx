import {
  Button,
  MenuListBox,
  MenuListBoxItem,
  MenuTrigger,
  type Key,
} from '@backstage/ui';
import { columnLayout } from './columnLayout';
import {
  INVENTORY_COLUMNS,
  REQUIRED_COLUMN,
  type InventoryColumn,
} from './inventoryColumns';

/**
 * "Columns": a menu of every column with a check mark on the shown ones.
 * Ticking one shows it, unticking hides it; the name column stays. The
 * choice goes to the URL (`?columns=`), like the filters.
 */
export function ColumnChooser(props: {
  columns: readonly InventoryColumn[];
  onChange: (columns: InventoryColumn[]) => void;
}) {
  const { columns, onChange } = props;
  return (
    <MenuTrigger>
      <Button variant="secondary" size="small">
        {`Columns (${columns.length} of ${INVENTORY_COLUMNS.length})`}
      </Button>
      <MenuListBox
        aria-label="Columns"
        selectionMode="multiple"
        selectedKeys={columns}
        disabledKeys={[REQUIRED_COLUMN]}
        // the name is always shown; this also keeps Escape (close the menu)
        // from clearing the choice, as it would in a multiple-select list
        disallowEmptySelection
        onSelectionChange={selection => {
          const chosen =
            selection === 'all'
              ? [...INVENTORY_COLUMNS]
              : INVENTORY_COLUMNS.filter(column =>
                  (selection as Set<Key>).has(column),
                );
          onChange(chosen);
        }}
      >
        {INVENTORY_COLUMNS.map(column => (
          <MenuListBoxItem key={column} id={column}>
            {columnLayout(column).label}
          </MenuListBoxItem>
        ))}
      </MenuListBox>
    </MenuTrigger>
  );
}
