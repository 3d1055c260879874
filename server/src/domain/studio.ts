import type { AppContext } from '../context';
import { AppError } from '../http/errors';

/**
 * The studio a request acts on. Until accounts land (sign-in scopes every request to the
 * member's studio), Patchbay serves the oldest studio in the database.
 */
export async function currentStudioId(ctx: AppContext): Promise<string> {
  const studio = await ctx.db.prisma.studio.findFirst({ orderBy: { createdAt: 'asc' }, select: { id: true } });
  if (!studio) throw new AppError('NOT_FOUND', 'No studio has been set up yet');
  return studio.id;
}
