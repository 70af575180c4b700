// Whether something accepts a TCP connection on `host`:`port` within 1 s:
// used before starting a portal (is the port taken?) and to find a local
// PostgreSQL for the tests.
import net from 'node:net';

export function portAnswers(host, port) {
  return new Promise(resolve => {
    const socket = net.connect({ host, port, timeout: 1000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}
