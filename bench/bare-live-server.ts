// The bare baseline of `npm run bench:live`: a Socket.IO server and nothing else (no authentication,
// database, policy or sequencing). Every socket is in one room; `send` broadcasts the payload to the room
// as `entries` and acknowledges. Environment: PORT.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT);
if (!Number.isInteger(port)) throw new Error('bare-live-server needs PORT');

const http = createServer((request, response) => {
  response.writeHead(request.url === '/healthz' ? 200 : 404).end();
});
const io = new Server(http, { path: '/socket.io', transports: ['websocket'] });
let seq = 0;
io.on('connection', (socket) => {
  void socket.join('room');
  socket.on('send', (payload: { body: string }, ack: (reply: object) => void) => {
    seq += 1;
    io.to('room').emit('entries', { entries: [{ seq, body: payload.body, at: new Date().toISOString() }] });
    ack({ ok: true, seq });
  });
});
http.listen(port, '127.0.0.1');
process.once('SIGTERM', () => {
  void io.close();
  http.close(() => process.exit(0));
});
