import { ArtistSessionsQuerySchema, ArtistSessionsSchema } from '@patchbay/shared';
import { artistSessions } from '../../domain/artist';
import { defineRoute } from '../route';

export const artistRoutes = [
  defineRoute(
    {
      method: 'get',
      path: '/artist/sessions',
      tag: 'Sessions',
      // Scoped to the projects the member is a guest of (nobody else's sessions can be listed).
      access: 'signedIn',
      summary: "Your sessions (the artist's page): the sessions of the projects you are a guest of, from 24 hours ago on, by call time: call time, room, times, who you will work with, the producer's note; released holds left out",
      query: ArtistSessionsQuerySchema,
      status: 200,
      response: ArtistSessionsSchema,
    },
    async ({ ctx, auth, query }) => artistSessions(ctx, auth, query.from),
  ),
];
