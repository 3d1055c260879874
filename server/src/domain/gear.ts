// The studio's gear inventory. Changing an item's status or quantity never rewrites setup lists:
// the rules show the consequences on every list that plans it. Removing an item keeps the lines
// that planned it, with its label as free text (an event on each board).
import type { BoardEvent, GearInput, GearItem, GearPatch, UnsequencedBoardEvent } from '@patchbay/shared';
import type { z } from 'zod';
import type { GearInputSchema, GearPatchSchema } from '@patchbay/shared';
import type { AuthContext } from '../auth/auth-context';
import { audit } from '../auth/audit';
import type { AppContext } from '../context';
import type { Tx } from '../db/database';
import { AppError, invalidField, notFound } from '../errors';
import { gearInclude, presentGear } from '../presenters/gear';
import { presentSetupItem, setupInclude } from '../presenters/setup';
import { appendBoardEvents, lockBoard } from './board-events';
import { runCommand } from './command';
import { lockGearPlans } from './setup-support';

export type { GearInput, GearPatch };

export async function listGear(ctx: AppContext, studioId: string): Promise<GearItem[]> {
  const rows = await ctx.db.prisma.gearItem.findMany({ where: { studioId }, include: gearInclude, orderBy: [{ category: 'asc' }, { label: 'asc' }] });
  return rows.map(presentGear);
}

async function requireRoom(tx: Tx, studioId: string, roomId: string | null | undefined): Promise<void> {
  if (!roomId) return;
  if ((await tx.room.count({ where: { id: roomId, studioId } })) === 0) throw invalidField('homeRoomId', 'no such room in this studio');
}

/** Labels tell units apart, so they are unique in the studio whatever their case. */
async function requireFreeLabel(tx: Tx, studioId: string, label: string | undefined, except?: string): Promise<void> {
  if (label === undefined) return;
  const taken = await tx.gearItem.findFirst({ where: { studioId, label: { equals: label, mode: 'insensitive' }, ...(except ? { id: { not: except } } : {}) }, select: { label: true } });
  if (taken) throw new AppError('CONFLICT', `The studio already has gear labelled “${taken.label}”: give this one another label (like “${label} #2”)`, { fields: ['label'] });
}

export async function createGear(ctx: AppContext, auth: AuthContext, input: z.output<typeof GearInputSchema>): Promise<GearItem> {
  return ctx.db.prisma.$transaction(async (tx) => {
    await requireRoom(tx, auth.studioId, input.homeRoomId);
    await requireFreeLabel(tx, auth.studioId, input.label);
    const row = await tx.gearItem.create({ data: { studioId: auth.studioId, ...input }, include: gearInclude });
    await audit(tx, { studioId: auth.studioId, actorId: auth.memberId, action: 'gear.created', entityType: 'gear', entityId: row.id, details: { label: row.label } });
    return presentGear(row);
  });
}

export async function updateGear(ctx: AppContext, auth: AuthContext, gearId: string, patch: z.output<typeof GearPatchSchema>): Promise<GearItem> {
  return ctx.db.prisma.$transaction(async (tx) => {
    const before = await tx.gearItem.findFirst({ where: { id: gearId, studioId: auth.studioId } });
    if (!before) throw notFound('Gear item', gearId);
    await requireRoom(tx, auth.studioId, patch.homeRoomId);
    await requireFreeLabel(tx, auth.studioId, patch.label, gearId);
    if ((patch.ribbon ?? before.ribbon) && (patch.needsPhantom ?? before.needsPhantom)) {
      throw invalidField('needsPhantom', 'a ribbon mic must never get phantom power: it cannot also need it');
    }
    // Quantity and status feed the gear rules: change them one at a time with plans being made.
    if (patch.quantity !== undefined || patch.status !== undefined) await lockGearPlans(tx, auth.studioId);
    const row = await tx.gearItem.update({ where: { id: gearId }, data: patch, include: gearInclude });
    const details: Record<string, unknown> = { label: row.label, fields: Object.keys(patch) };
    if (patch.status && patch.status !== before.status) details.status = { from: before.status, to: patch.status };
    await audit(tx, { studioId: auth.studioId, actorId: auth.memberId, action: 'gear.updated', entityType: 'gear', entityId: gearId, details });
    return presentGear(row);
  });
}

export async function deleteGear(ctx: AppContext, auth: AuthContext, gearId: string): Promise<void> {
  await runCommand(ctx, async (tx) => {
    const item = await tx.gearItem.findFirst({ where: { id: gearId, studioId: auth.studioId } });
    if (!item) throw notFound('Gear item', gearId);
    const lines = await tx.setupItem.findMany({ where: { gearId, studioId: auth.studioId }, select: { id: true, sessionId: true } });
    const sessions = [...new Set(lines.map((l) => l.sessionId))].sort();
    const events: BoardEvent[] = [];
    // Boards first (in a fixed order), then the gear lock, as every setup write takes them.
    for (const sessionId of sessions) await lockBoard(tx, sessionId);
    await lockGearPlans(tx, auth.studioId);
    for (const sessionId of sessions) {
      const pending: UnsequencedBoardEvent[] = [];
      for (const line of lines.filter((l) => l.sessionId === sessionId)) {
        const row = await tx.setupItem.update({ where: { id: line.id }, data: { gearId: null, gearText: item.label, version: { increment: 1 } }, include: setupInclude });
        pending.push({ type: 'setup.updated', sessionId, item: presentSetupItem(row), changed: ['gearId', 'gearText'] });
      }
      events.push(...(await appendBoardEvents(tx, sessionId, pending, auth)));
    }
    await tx.gearItem.delete({ where: { id: gearId } });
    await audit(tx, { studioId: auth.studioId, actorId: auth.memberId, action: 'gear.removed', entityType: 'gear', entityId: gearId, details: { label: item.label, linesKept: lines.length } });
    return { result: undefined, events };
  });
}
