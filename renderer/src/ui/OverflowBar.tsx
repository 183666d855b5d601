import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { shortcutLabel } from '../commands';
import './overflow.css';

/** One line of the "More" menu: a command, a switch (checkbox) or one of a set of choices (radio). */
export interface MenuEntry {
  id: string;
  label: string;
  run: () => void;
  disabled?: boolean;
  kind?: 'checkbox' | 'radio';
  checked?: boolean;
  shortcut?: string;
}

/** Something in a toolbar that may move into its "More" menu when the toolbar runs out of room. */
export interface BarItem {
  id: string;
  /** Lower numbers stay in the bar longest. */
  priority: number;
  bar: ReactNode;
  /** How it appears in the menu; nothing for what only informs (a count). */
  menu: readonly MenuEntry[];
  /** Starts the right-hand group of the bar. */
  pushRight?: boolean;
  /** While in the menu, stays in the page out of sight, for screen readers (a count, a status). */
  keepHidden?: boolean;
}

const MORE_ESTIMATE = 84;

function sameSet(a: ReadonlySet<string> | null, b: ReadonlySet<string>): boolean {
  if (!a || a.size !== b.size) return false;
  for (const id of b) if (!a.has(id)) return false;
  return true;
}

/**
 * A toolbar that never makes the window scroll sideways: what does not fit moves, least important
 * first, into a "More" menu (a real menu: arrow keys, Home and End, Escape). `lead` always stays in
 * the bar. Sizes come from a ResizeObserver on the bar, the lead, the "More" button and each item
 * shown, so the bar reads no layout while it renders (a toolbar that re-renders with every captured
 * step would otherwise force the page's layout each time); an item not yet measured is shown until
 * its size is known.
 */
export function OverflowBar({ items, lead, label, name, className }: { items: readonly BarItem[]; lead?: ReactNode; label: string; name: string; className?: string }) {
  const bar = useRef<HTMLDivElement>(null);
  const leadBox = useRef<HTMLDivElement>(null);
  const widths = useRef(new Map<string, number>());
  const moreWidth = useRef(MORE_ESTIMATE);
  const leadWidth = useRef(0);
  const gap = useRef(0);
  const observer = useRef<ResizeObserver | null>(null);
  const observed = useRef(new Set<Element>());
  const [width, setWidth] = useState(0);
  const [measured, setMeasured] = useState(0);
  const [shown, setShown] = useState<ReadonlySet<string> | null>(null);
  const [minWidth, setMinWidth] = useState(0);

  useLayoutEffect(() => {
    const el = bar.current;
    if (!el) return;
    const resize = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const target = entry.target as HTMLElement;
        const size = entry.borderBoxSize[0]?.inlineSize ?? entry.contentRect.width;
        if (target === el) {
          gap.current = parseFloat(getComputedStyle(el).columnGap) || 0;
          setWidth(el.clientWidth);
        } else if (target === leadBox.current) leadWidth.current = size;
        else if (target.classList.contains('overflow-more')) moreWidth.current = size;
        else if (target.dataset['overflowItem']) widths.current.set(target.dataset['overflowItem'], size);
      }
      setMeasured((n) => n + 1);
    });
    observer.current = resize;
    resize.observe(el);
    const seen = observed.current;
    seen.add(el);
    return () => {
      resize.disconnect();
      seen.clear();
      observer.current = null;
    };
  }, []);

  useLayoutEffect(() => {
    const el = bar.current;
    const resize = observer.current;
    if (!el || !resize) return;
    // Observing an element again would report its size again, and so render again: each once,
    // and let go of those React has taken out of the page.
    for (const node of observed.current) {
      if (!node.isConnected) {
        resize.unobserve(node);
        observed.current.delete(node);
      }
    }
    const watch = (node: Element | null) => {
      if (node && !observed.current.has(node)) {
        observed.current.add(node);
        resize.observe(node);
      }
    };
    watch(leadBox.current);
    for (const node of el.querySelectorAll(':scope > [data-overflow-item], :scope > .overflow-more')) watch(node);
    const room = width - (leadBox.current ? leadWidth.current + gap.current : 0);
    const unmeasured = items.filter((i) => !widths.current.has(i.id));
    const total = items.reduce((sum, i) => sum + (widths.current.get(i.id) ?? 0) + gap.current, -gap.current);
    let next: Set<string>;
    if (unmeasured.length > 0) next = new Set([...(shown ?? []), ...unmeasured.map((i) => i.id)]);
    else if (total <= room) next = new Set(items.map((i) => i.id));
    else {
      next = new Set();
      let used = moreWidth.current;
      for (const item of [...items].sort((a, b) => a.priority - b.priority)) {
        const w = (widths.current.get(item.id) ?? 0) + gap.current;
        if (used + w > room) break;
        used += w;
        next.add(item.id);
      }
    }
    if (!sameSet(shown, next)) setShown(next);
    const floor = Math.ceil((leadBox.current ? leadWidth.current + gap.current : 0) + (items.length > 0 ? moreWidth.current : 0));
    if (floor !== minWidth) setMinWidth(floor);
  }, [items, shown, minWidth, width, measured]);

  const visible = shown ?? new Set(items.map((i) => i.id));
  const hidden = items.filter((i) => !visible.has(i.id));
  const entries = hidden.flatMap((i) => i.menu);
  return (
    <div className={`overflow-bar${className ? ` ${className}` : ''}`} ref={bar} style={{ minWidth }}>
      {lead !== undefined && (
        <div className="overflow-lead" ref={leadBox}>
          {lead}
        </div>
      )}
      {items.map((item) =>
        visible.has(item.id) ? (
          <div key={item.id} className={`overflow-item${item.pushRight ? ' overflow-push' : ''}`} data-overflow-item={item.id}>
            {item.bar}
          </div>
        ) : item.keepHidden ? (
          <div key={item.id} className="visually-hidden">
            {item.bar}
          </div>
        ) : null,
      )}
      {entries.length > 0 && (
        <MoreMenu label={label} name={name} entries={entries} pushRight={items.some((i) => i.pushRight) && !items.some((i) => i.pushRight && visible.has(i.id))} />
      )}
    </div>
  );
}

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return [...(menu?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
}

/** Focuses the menu's item at `index`, counting from the end when negative and wrapping round. */
function focusItem(menu: HTMLElement | null, index: number): void {
  const list = menuItems(menu);
  if (list.length > 0) list[((index % list.length) + list.length) % list.length]?.focus();
}

function MoreMenu({ label, name, entries, pushRight }: { label: string; name: string; entries: readonly MenuEntry[]; pushRight: boolean }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const focusOnOpen = useRef<'first' | 'last'>('first');
  const id = useId();

  const items = () => menuItems(menu.current);
  const focusAt = (index: number) => focusItem(menu.current, index);

  useEffect(() => {
    if (!open) return;
    focusItem(menu.current, focusOnOpen.current === 'first' ? 0 : -1);
    // A press anywhere else closes the menu, as in any desktop app.
    const away = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const onButtonKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      focusOnOpen.current = event.key === 'ArrowDown' ? 'first' : 'last';
      if (open) focusAt(focusOnOpen.current === 'first' ? 0 : -1);
      else setOpen(true);
    }
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'ArrowDown') focusAt(at + 1);
    else if (event.key === 'ArrowUp') focusAt(at - 1);
    else if (event.key === 'Home') focusAt(0);
    else if (event.key === 'End') focusAt(-1);
    else if (event.key === 'Escape') close();
    else if (event.key === 'Tab') {
      // From the menu button, so Tab goes on to whatever follows it.
      button.current?.focus();
      setOpen(false);
      return;
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const choose = (entry: MenuEntry) => {
    if (entry.disabled) return;
    close();
    entry.run();
  };

  return (
    <div className={`overflow-more${pushRight ? ' overflow-push' : ''}`}>
      <button
        ref={button}
        type="button"
        className="btn btn-sm btn-ghost overflow-more-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={name}
        onKeyDown={onButtonKey}
        onClick={() => {
          focusOnOpen.current = 'first';
          setOpen((o) => !o);
        }}
      >
        {label}
        <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.8" />
        </svg>
      </button>
      {open && (
        <div ref={menu} id={id} role="menu" aria-label={name} className="overflow-menu" onKeyDown={onMenuKey}>
          {entries.map((entry) => (
            <button
              key={entry.id}
              type="button"
              role={entry.kind === 'checkbox' ? 'menuitemcheckbox' : entry.kind === 'radio' ? 'menuitemradio' : 'menuitem'}
              aria-checked={entry.kind ? !!entry.checked : undefined}
              aria-disabled={entry.disabled || undefined}
              tabIndex={-1}
              className="overflow-menu-item"
              onClick={() => choose(entry)}
            >
              <span className="overflow-menu-check" aria-hidden="true">
                {entry.kind && entry.checked ? '✓' : ''}
              </span>
              <span className="overflow-menu-label">{entry.label}</span>
              {entry.shortcut && <span className="overflow-menu-keys">{shortcutLabel(entry.shortcut)}</span>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
