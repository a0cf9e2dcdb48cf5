import { connect, createServer, type Server, type Socket } from 'node:net';

export type ProxyMode = 'up' | 'down' | 'slow' | 'error500' | 'flaky';

/**
 * A TCP proxy in front of a service, to play the network's faults: `down` refuses, `slow` never
 * answers, `error500` answers 500, `flaky` cuts some connections before the request reaches the
 * service and others after the service has answered (the answer is lost).
 */
export async function startFaultyProxy(target: { host: string; port: number }, cutRate = 0.3) {
  let mode: ProxyMode = 'up';
  const stats = { connections: 0, cutBefore: 0, cutAfter: 0 };
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    stats.connections++;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    if (mode === 'down') return client.destroy();
    if (mode === 'slow') return; // Accepted, never answered.
    if (mode === 'error500') {
      client.once('data', () =>
        client.end(
          'HTTP/1.1 500 Internal Server Error\r\ncontent-type: text/plain\r\ncontent-length: 5\r\nconnection: close\r\n\r\nerror',
        ),
      );
      return;
    }
    // Each request (a chunk from the client, on a kept-alive connection too) draws its fault.
    let cutAfter = false;
    const upstream = connect(target.port, target.host);
    upstream.on('error', () => client.destroy());
    client.on('data', (chunk) => {
      const roll = Math.random();
      if (mode === 'flaky' && roll < cutRate / 2) {
        stats.cutBefore++;
        upstream.destroy();
        client.destroy();
        return;
      }
      cutAfter = mode === 'flaky' && roll < cutRate;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (cutAfter) {
        stats.cutAfter++;
        upstream.destroy();
        client.destroy();
        return;
      }
      client.write(chunk);
    });
    upstream.on('end', () => client.end());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    setMode(next: ProxyMode) {
      mode = next;
      // Connections kept alive would skip the new fault: close them.
      for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
