import { type PointerEvent as ReactPointerEvent, useRef, useState } from 'react';

/** Where a dragged item or section would land: a section and a position in it (or among sections). */
export interface DropTarget {
  sectionIndex: number;
  index: number;
}

/** What is being dragged: an item (by id) or a section (by id). */
export interface Dragged {
  kind: 'item' | 'section';
  id: string;
}

/** The drop target under a point: the nearest item (or section) row and which half of it the point is in. */
function targetAt(x: number, y: number, kind: Dragged['kind'], draggedId: string): DropTarget | null {
  const under = document.elementFromPoint(x, y);
  const section = under?.closest<HTMLElement>('[data-guide-section]');
  if (!section) return null;
  const sectionIndex = Number(section.dataset.guideSection);
  if (kind === 'section') {
    const box = section.getBoundingClientRect();
    return { sectionIndex, index: sectionIndex + (y > box.top + box.height / 2 ? 1 : 0) };
  }
  // Positions count the section's items without the dragged one (what the move takes).
  const rows = [...section.querySelectorAll<HTMLElement>('[data-guide-item]')].filter(
    (row) => row.dataset.guideItem !== draggedId,
  );
  const index = rows.findIndex((row) => {
    const box = row.getBoundingClientRect();
    return y < box.top + box.height / 2;
  });
  return { sectionIndex, index: index < 0 ? rows.length : index };
}

/**
 * Drag and drop for the guide editor with pointer events (mouse, pen and touch alike): a handle starts a
 * drag, the row under the pointer shows where it lands, releasing calls `onDrop`. Escape cancels.
 * Keyboard users keep the move buttons; the editor announces every move in a live region.
 */
export function useGuideDrag(onDrop: (dragged: Dragged, target: DropTarget) => void) {
  const [dragged, setDragged] = useState<Dragged | null>(null);
  const [target, setTarget] = useState<DropTarget | null>(null);
  const live = useRef<{ dragged: Dragged; target: DropTarget | null } | null>(null);

  const end = (drop: boolean) => {
    const current = live.current;
    live.current = null;
    setDragged(null);
    setTarget(null);
    if (drop && current?.target) onDrop(current.dragged, current.target);
  };

  /** Props for a drag handle of an item or a section. */
  const handleProps = (kind: Dragged['kind'], id: string) => ({
    onPointerDown: (event: ReactPointerEvent<HTMLElement>) => {
      if (event.button !== 0) return;
      event.preventDefault();
      event.currentTarget.setPointerCapture(event.pointerId);
      live.current = { dragged: { kind, id }, target: null };
      setDragged({ kind, id });
    },
    onPointerMove: (event: ReactPointerEvent<HTMLElement>) => {
      if (!live.current) return;
      const next = targetAt(event.clientX, event.clientY, kind, id);
      live.current.target = next;
      setTarget(next);
    },
    onPointerUp: () => end(true),
    onPointerCancel: () => end(false),
    onKeyDown: (event: React.KeyboardEvent) => {
      if (event.key === 'Escape') end(false);
    },
    style: { touchAction: 'none', cursor: 'grab' } as const,
  });

  return { dragged, target, handleProps };
}
