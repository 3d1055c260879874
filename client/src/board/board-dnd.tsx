/**
 * Drag and drop on the board (dnd-kit): cards move between the status columns and within one.
 *
 * - Mouse and pen: press anywhere on a card (not on its buttons) and move a few pixels.
 * - Touch: the grip at the card's top left (a finger elsewhere on the card scrolls the board).
 * - Keyboard: focus the grip, Space or Enter picks the card up, the arrows move it (up and down
 *   within the column, left and right to the next column), Space or Enter drops, Escape cancels.
 *   Where the card would land is announced after every step.
 *
 * While a card is dragged into another column it is shown there (the other cards make room);
 * on drop `onPlace` gets the column and index (0 = top), counted as the server counts them.
 */
import {
  closestCenter,
  DndContext,
  DragOverlay,
  getFirstCollision,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type PointerSensorOptions,
  type ScreenReaderInstructions,
} from '@dnd-kit/core';
import type { Task, TaskStatus } from '@patchbay/shared';
import { TASK_STATUSES, TASK_STATUS_LABELS } from '@patchbay/shared/domain/roles';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import { TaskCardPreview } from '../components/task-card';
import type { TaskColumns } from './board-state';
import { placeOf, relocate } from './optimistic';

const COLUMN_PREFIX = 'column:';
/** The droppable id of a whole column (what an empty column is dropped on). */
export const columnDropId = (status: TaskStatus) => `${COLUMN_PREFIX}${status}`;
const statusOfDropId = (id: string): TaskStatus | null => (id.startsWith(COLUMN_PREFIX) ? (id.slice(COLUMN_PREFIX.length) as TaskStatus) : null);

/** A press on these does what they do; it does not start a drag. */
const INTERACTIVE = 'button, a, input, textarea, select, summary, label, [role="button"], [contenteditable="true"]';

/**
 * dnd-kit's pointer sensor, except that presses on a card's controls are left alone, and a
 * finger drags only from the grip (elsewhere on a card it scrolls, as on any touch screen).
 */
export class BoardPointerSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent: event }: ReactPointerEvent, { onActivation }: PointerSensorOptions) => {
        if (!event.isPrimary || event.button !== 0) return false;
        const target = event.target instanceof Element ? event.target : null;
        if (!target) return false;
        if (!target.closest('[data-drag-handle]')) {
          if (event.pointerType === 'touch') return false;
          if (target.closest(INTERACTIVE)) return false;
        }
        onActivation?.({ event });
        return true;
      },
    },
  ];
}

const SCREEN_READER_INSTRUCTIONS: ScreenReaderInstructions = {
  draggable:
    'To move this task, press Space or Enter to pick it up. Then the up and down arrows change its place in the column, and the left and right arrows move it to the next column. Press Space or Enter to drop it there, or Escape to leave it where it was.',
};

type Step = 'up' | 'down' | 'left' | 'right';
const ARROWS: Readonly<Record<string, Step>> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** The dragged card while it is shown in another column than its own: there, at that index. */
interface DragState {
  id: string;
  status: TaskStatus;
  index: number;
}

interface Placement {
  status: TaskStatus;
  /** 0-based, counted as the server counts (the column without the task, then the task inserted). */
  index: number;
  /** Tasks in the column with this one there. */
  count: number;
}

export interface BoardDndProps {
  /** The board as shown (the reducer's tasks with our writes in flight). */
  columns: TaskColumns;
  kindLabel: (key: string) => string;
  /** A card was dropped somewhere else than where it was. */
  onPlace: (task: Task, status: TaskStatus, index: number) => void;
  /** Renders the columns: as given, or with the dragged card where it would land. */
  children: (columns: TaskColumns, dropTarget: TaskStatus | null) => ReactNode;
}

const quoted = (title: string) => `“${title}”`;

export function BoardDnd({ columns, kindLabel, onPlace, children }: BoardDndProps) {
  const [drag, setDrag] = useState<DragState | null>(null);

  const rendered = useMemo(() => {
    if (!drag) return columns;
    const place = placeOf(columns, drag.id);
    if (!place || place.status === drag.status) return columns; // same column: dnd-kit shifts the cards
    return relocate(columns, drag.id, drag.status, drag.index);
  }, [columns, drag]);

  // What the sensor callbacks (outside React's render) read.
  const columnsRef = useRef(columns);
  const renderedRef = useRef(rendered);
  const onPlaceRef = useRef(onPlace);
  useLayoutEffect(() => {
    columnsRef.current = columns;
    renderedRef.current = rendered;
    onPlaceRef.current = onPlace;
  });
  const keyboard = useRef(false);
  /** Keyboard drags: the droppable the last arrow key chose, and where in its column the card goes. */
  const keyboardTarget = useRef<string | null>(null);
  const keyboardInsert = useRef<number | null>(null);
  const lastOverId = useRef<string | null>(null);
  const movedToNewColumn = useRef(false);
  const lastAnnouncement = useRef<string | null>(null);
  const endAnnouncement = useRef<string | null>(null);

  const containerOf = useCallback((id: string): TaskStatus | null => statusOfDropId(id) ?? placeOf(renderedRef.current, id)?.status ?? null, []);

  /** Where the active card would land if dropped over `overId` now. */
  const placement = useCallback(
    (activeId: string, overId: string): Placement | null => {
      const status = containerOf(overId);
      if (!status) return null;
      const list = renderedRef.current[status];
      const isColumn = statusOfDropId(overId) !== null;
      const activeAt = list.findIndex((t) => t.id === activeId);
      if (activeAt >= 0) {
        // In this column already: dropping on another card takes that card's place.
        const index = isColumn || overId === activeId ? activeAt : list.findIndex((t) => t.id === overId);
        return { status, index: index < 0 ? activeAt : index, count: list.length };
      }
      let index: number;
      if (keyboard.current && keyboardInsert.current !== null) index = keyboardInsert.current;
      else if (isColumn) index = list.length;
      else index = Math.max(0, list.findIndex((t) => t.id === overId));
      return { status, index: Math.min(index, list.length), count: list.length + 1 };
    },
    [containerOf],
  );

  const titleOf = useCallback((id: string) => {
    const place = placeOf(columnsRef.current, id);
    return place ? quoted(columnsRef.current[place.status][place.index]!.title) : 'The task';
  }, []);

  const collisionDetection = useCallback<CollisionDetection>((args) => {
    const target = keyboardTarget.current;
    if (keyboard.current && target !== null) {
      const container = args.droppableContainers.find((c) => c.id === target);
      if (container) return [{ id: target, data: { droppableContainer: container, value: 0 } }];
    }
    const within = pointerWithin(args);
    const hits = within.length > 0 ? within : rectIntersection(args);
    let overId = getFirstCollision(hits, 'id');
    if (overId != null) {
      const status = statusOfDropId(String(overId));
      if (status) {
        // Over a column with cards: over the nearest card of it.
        const ids = new Set(renderedRef.current[status].map((t) => t.id));
        if (ids.size > 0) {
          const nearest = closestCenter({ ...args, droppableContainers: args.droppableContainers.filter((c) => ids.has(String(c.id))) });
          overId = nearest[0]?.id ?? overId;
        }
      }
      lastOverId.current = String(overId);
      return [{ id: overId }];
    }
    // Just moved to another column: the layout shifts under the pointer for a frame.
    if (movedToNewColumn.current) lastOverId.current = String(args.active.id);
    return lastOverId.current ? [{ id: lastOverId.current }] : [];
  }, []);

  const coordinateGetter = useCallback<KeyboardCoordinateGetter>((event, { context, currentCoordinates }) => {
    const step = ARROWS[event.code];
    if (!step) return undefined;
    event.preventDefault();
    const { active, over, droppableRects } = context;
    if (!active) return undefined;
    const activeId = String(active.id);
    const cols = renderedRef.current;
    const here = placeOf(cols, activeId);
    if (!here) return undefined;
    const list = cols[here.status];
    const overId = over ? String(over.id) : null;
    const overAt = overId && overId !== activeId ? list.findIndex((t) => t.id === overId) : -1;
    const at = overAt >= 0 ? overAt : here.index;

    let target: string | null = null;
    let insert: number | null = null;
    if (step === 'up') target = at > 0 ? list[at - 1]!.id : null;
    else if (step === 'down') target = at < list.length - 1 ? list[at + 1]!.id : null;
    else {
      const next = TASK_STATUSES[TASK_STATUSES.indexOf(here.status) + (step === 'left' ? -1 : 1)];
      if (next) {
        const nextList = cols[next];
        insert = Math.min(at, nextList.length);
        target = nextList.length === 0 ? columnDropId(next) : nextList[Math.min(at, nextList.length - 1)]!.id;
      }
    }
    if (target === null) return undefined; // at the edge: stays
    keyboardTarget.current = target;
    keyboardInsert.current = insert;
    const rect = droppableRects.get(target);
    if (!rect) return { x: currentCoordinates.x, y: currentCoordinates.y + 1 };
    const next = { x: rect.left, y: rect.top };
    // Unmoved coordinates would not be checked for collisions again.
    if (next.x === currentCoordinates.x && next.y === currentCoordinates.y) next.y += 1;
    return next;
  }, []);

  const pointerOptions = useMemo(() => ({ activationConstraint: { distance: 6 } }), []);
  const keyboardOptions = useMemo(() => ({ coordinateGetter }), [coordinateGetter]);
  const sensors = useSensors(useSensor(BoardPointerSensor, pointerOptions), useSensor(KeyboardSensor, keyboardOptions));

  const reset = useCallback(() => {
    setDrag(null);
    keyboardTarget.current = null;
    keyboardInsert.current = null;
    lastOverId.current = null;
  }, []);

  const onDragStart = useCallback(({ active, activatorEvent }: DragStartEvent) => {
    const id = String(active.id);
    keyboard.current = typeof KeyboardEvent !== 'undefined' && activatorEvent instanceof KeyboardEvent;
    keyboardTarget.current = null;
    keyboardInsert.current = null;
    lastOverId.current = null;
    lastAnnouncement.current = null;
    endAnnouncement.current = null;
    const place = placeOf(columnsRef.current, id);
    if (place) setDrag({ id, status: place.status, index: place.index });
  }, []);

  const onDragOver = useCallback(
    ({ active, over }: DragOverEvent) => {
      if (!over) return;
      const activeId = String(active.id);
      const overId = String(over.id);
      const from = containerOf(activeId);
      const to = containerOf(overId);
      if (!from || !to || from === to) return;
      let index: number;
      const list = renderedRef.current[to];
      if (keyboard.current && keyboardInsert.current !== null) index = keyboardInsert.current;
      else if (statusOfDropId(overId)) index = list.length;
      else {
        const overAt = list.findIndex((t) => t.id === overId);
        const translated = active.rect.current.translated;
        const below = translated !== null && translated.top > over.rect.top + over.rect.height / 2;
        index = overAt < 0 ? list.length : overAt + (below ? 1 : 0);
      }
      movedToNewColumn.current = true;
      requestAnimationFrame(() => {
        movedToNewColumn.current = false;
      });
      // From now on the keyboard is over the card itself, in its new place.
      if (keyboard.current) keyboardTarget.current = activeId;
      setDrag({ id: activeId, status: to, index });
    },
    [containerOf],
  );

  const onDragEnd = useCallback(
    ({ active, over }: DragEndEvent) => {
      const activeId = String(active.id);
      const origin = placeOf(columnsRef.current, activeId);
      const landing = over ? placement(activeId, String(over.id)) : null;
      reset();
      if (!origin) return;
      const task = columnsRef.current[origin.status][origin.index]!;
      const title = quoted(task.title);
      if (!landing || (landing.status === origin.status && landing.index === origin.index)) {
        endAnnouncement.current = `${title} stays in ${TASK_STATUS_LABELS[origin.status]}, position ${origin.index + 1}.`;
        return;
      }
      endAnnouncement.current = `Dropped ${title} in ${TASK_STATUS_LABELS[landing.status]}, position ${landing.index + 1} of ${landing.count}.`;
      onPlaceRef.current(task, landing.status, landing.index);
    },
    [placement, reset],
  );

  const onDragCancel = useCallback(() => reset(), [reset]);

  const announcements = useMemo<Announcements>(() => {
    const once = (text: string) => {
      if (text === lastAnnouncement.current) return undefined;
      lastAnnouncement.current = text;
      return text;
    };
    return {
      onDragStart({ active }) {
        const id = String(active.id);
        const place = placeOf(columnsRef.current, id);
        const where = place ? ` It is in ${TASK_STATUS_LABELS[place.status]}, position ${place.index + 1} of ${columnsRef.current[place.status].length}.` : '';
        const help = keyboard.current ? ' Arrow keys move it, Space or Enter drops it, Escape cancels.' : '';
        return once(`Picked up ${titleOf(id)}.${where}${help}`);
      },
      onDragOver({ active, over }) {
        const id = String(active.id);
        if (!over) return once(`${titleOf(id)} is not over a column. Dropping it now leaves it where it was.`);
        const landing = placement(id, String(over.id));
        if (!landing) return undefined;
        return once(`${titleOf(id)}: ${TASK_STATUS_LABELS[landing.status]}, position ${landing.index + 1} of ${landing.count}.`);
      },
      onDragEnd() {
        return endAnnouncement.current ?? undefined;
      },
      onDragCancel({ active }) {
        const place = placeOf(columnsRef.current, String(active.id));
        return `Cancelled. ${titleOf(String(active.id))} stays${place ? ` in ${TASK_STATUS_LABELS[place.status]}` : ''}.`;
      },
    };
  }, [placement, titleOf]);

  const accessibility = useMemo(() => ({ announcements, screenReaderInstructions: SCREEN_READER_INSTRUCTIONS }), [announcements]);
  const activePlace = drag ? placeOf(columns, drag.id) : null;
  const activeTask = activePlace ? columns[activePlace.status][activePlace.index] : undefined;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      accessibility={accessibility}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
    >
      {children(rendered, drag?.status ?? null)}
      <DragOverlay dropAnimation={null}>{activeTask ? <TaskCardPreview task={activeTask} kindLabel={kindLabel(activeTask.kind)} /> : null}</DragOverlay>
    </DndContext>
  );
}
