import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';

export interface MenuAction {
  /** What the item says, e.g. "Edit". */
  label: string;
  /** Its accessible name when the label alone is ambiguous, e.g. "Edit T-1". */
  name?: string;
  onSelect: () => void;
  isDisabled?: boolean;
}

const MENU: CSSProperties = {
  position: 'absolute',
  insetInlineEnd: 0,
  insetBlockStart: '100%',
  zIndex: 400,
  minWidth: 160,
  margin: 0,
  padding: `${token('space.050', '4px')} 0`,
  listStyle: 'none',
  background: token('elevation.surface.overlay', '#FFFFFF'),
  borderRadius: token('radius.small', '4px'),
  boxShadow: token('elevation.shadow.overlay', '0 8px 12px #091E4226, 0 0 1px #091E424F'),
};

const ITEM: CSSProperties = {
  display: 'block',
  width: '100%',
  padding: `${token('space.075', '6px')} ${token('space.150', '12px')}`,
  border: 'none',
  background: 'none',
  textAlign: 'left',
  font: token('font.body', 'normal 400 14px/20px ui-sans-serif, sans-serif'),
  color: token('color.text', '#172B4D'),
  cursor: 'pointer',
  whiteSpace: 'nowrap',
};

/**
 * A row's actions behind one "more" button (a menu button: arrow keys move, Escape closes and
 * returns to the button, a click elsewhere closes), so a table's actions take one narrow column.
 */
export function MoreMenu({ label, actions }: { label: string; actions: MenuAction[] }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const items = useRef<Array<HTMLButtonElement | null>>([]);

  useEffect(() => {
    if (!open) return;
    items.current.find((item) => item && !item.disabled)?.focus();
    const onPointer = (event: MouseEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    return () => document.removeEventListener('mousedown', onPointer);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) trigger.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const enabled = items.current.filter((item): item is HTMLButtonElement => !!item && !item.disabled);
    const at = enabled.indexOf(document.activeElement as HTMLButtonElement);
    const move = (index: number) => enabled[(index + enabled.length) % enabled.length]?.focus();
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      move(at + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      move(at - 1);
    } else if (event.key === 'Home') {
      event.preventDefault();
      move(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      move(-1);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div ref={wrapper} style={{ position: 'relative', display: 'inline-block' }}>
      <Button
        ref={trigger}
        appearance="subtle"
        spacing="compact"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        <span aria-hidden="true">•••</span>
      </Button>
      {open && (
        <ul id={menuId} role="menu" aria-label={label} style={MENU} onKeyDown={onKeyDown}>
          {actions.map((action, index) => (
            <li key={action.label} role="none">
              <button
                ref={(item) => {
                  items.current[index] = item;
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                aria-label={action.name}
                disabled={action.isDisabled}
                style={{ ...ITEM, ...(action.isDisabled ? { cursor: 'not-allowed', opacity: 0.5 } : {}) }}
                onClick={() => {
                  close(true);
                  action.onSelect();
                }}
              >
                {action.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
