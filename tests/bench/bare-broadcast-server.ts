// Baseline for the fanout benchmark: a bare socket.io server that broadcasts a given payload to
// every client of one room when asked over HTTP. No auth, no database: the floor Patchbay's
// broadcast is compared with.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const http = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/emit') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const payload = JSON.parse(Buffer.concat(chunks).toString()) as unknown;
    io.to('board').emit('task.updated', payload);
    res.writeHead(204).end();
  });
});
const io = new Server(http, { serveClient: false });
io.on('connection', (socket) => {
  socket.on('board.join', (_payload: unknown, ack: (r: unknown) => void) => {
    void socket.join('board');
    ack({ ok: true });
  });
});
http.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ port: (http.address() as AddressInfo).port }));
});
process.on('SIGTERM', () => {
  io.close();
  process.exit(0);
});
