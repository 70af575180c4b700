import { sharedRequest } from './inFlight';

describe('sharedRequest', () => {
  it('sends a request once while it is in flight, and again once it settled', async () => {
    const client = {};
    let resolve: (value: string) => void = () => {};
    const send = jest.fn(
      () =>
        new Promise<string>(r => {
          resolve = r;
        }),
    );

    const first = sharedRequest(client, 'state=active', send);
    const again = sharedRequest(client, 'state=active', send);
    expect(again).toBe(first);
    expect(send).toHaveBeenCalledTimes(1);

    resolve('page');
    await expect(first).resolves.toBe('page');
    sharedRequest(client, 'state=active', send);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('keeps requests of other keys and other clients apart', () => {
    const send = jest.fn(() => new Promise<string>(() => {}));
    const client = {};
    sharedRequest(client, 'state=active', send);
    sharedRequest(client, 'state=expiring', send);
    sharedRequest({}, 'state=active', send);
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('forgets a failed request, so the next render asks again', async () => {
    const client = {};
    const send = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(new Error('503'))
      .mockResolvedValueOnce('page');
    await expect(sharedRequest(client, '', send)).rejects.toThrow('503');
    await expect(sharedRequest(client, '', send)).resolves.toBe('page');
  });
});
