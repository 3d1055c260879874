// Which errors mean "the database is unreachable or silent" (503 DATABASE_UNAVAILABLE): the shapes
// Prisma 7 + @prisma/adapter-pg and pg actually threw in the outage test, and ones that must stay 4xx/5xx.
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../server/src/db/unavailable';
import { Prisma } from '../../server/src/generated/prisma/client';

const known = (code: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError('Invalid `prisma.x()` invocation', { code, clientVersion: '7', ...(meta ? { meta } : {}) });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['database down (ECONNREFUSED through the adapter)', Object.assign(known('P1001'), { cause: { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 } })],
    ['transaction could not start in time (maxWait)', known('P2028')],
    ['pg: no answer to a query (frozen server)', new Error('Query read timeout')],
    ['pg-pool: connecting to a frozen server', new Error('Connection terminated due to connection timeout')],
    ['pg-pool: pool exhausted', new Error('timeout exceeded when trying to connect')],
    ['pg: connection dropped', new Error('Connection terminated unexpectedly')],
    ['statement_timeout (SQLSTATE 57014 in the adapter error)', known('P2010', { driverAdapterError: { cause: { kind: 'postgres', originalCode: '57014' } } })],
    ['server shutting down (57P01)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['socket error', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED', syscall: 'connect', errno: -111 })],
  ])('%s', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it.each([
    ['unique violation', known('P2002', { target: ['name'] })],
    ['record not found', known('P2025')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error', 'oops'],
    ['null', null],
  ])('%s is not', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });
});
