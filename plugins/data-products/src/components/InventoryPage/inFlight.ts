/**
 * Requests in flight, by client and key: a render that starts a request
 * may be thrown away by React before it commits (a lazy component above it
 * suspends, a concurrent update restarts it), and the render that replaces
 * it asks again for the same thing. It gets the request already on its way
 * instead of a second one. A settled request is forgotten, so a later
 * render (the page opened again) asks the backend afresh.
 */
const inFlight = new WeakMap<object, Map<string, Promise<unknown>>>();

export function sharedRequest<T>(
  client: object,
  key: string,
  send: () => Promise<T>,
): Promise<T> {
  let requests = inFlight.get(client);
  if (!requests) {
    requests = new Map();
    inFlight.set(client, requests);
  }
  const pending = requests.get(key);
  if (pending) return pending as Promise<T>;
  const sent = send();
  requests.set(key, sent);
  const forget = () => {
    if (requests!.get(key) === sent) requests!.delete(key);
  };
  sent.then(forget, forget);
  return sent;
}
