import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { RecordingNotificationService } from '../../../__testUtils__/RecordingNotificationService';

/**
 * A notifications service that refuses what `refusal` names (as the
 * notifications backend answers 413 to a body over its limit) and never
 * answers sends to `hangFor`; it records everything else, like
 * RecordingNotificationService.
 */
export class RefusingNotificationService extends RecordingNotificationService {
  readonly refused: NotificationSendOptions[] = [];
  readonly hangFor = new Set<string>();

  constructor(
    private readonly refusal: (
      options: NotificationSendOptions,
    ) => string | undefined,
  ) {
    super();
  }

  async send(options: NotificationSendOptions): Promise<void> {
    const { recipients } = options;
    const refs =
      recipients.type === 'entity' ? [recipients.entityRef].flat() : [];
    if (refs.some(ref => this.hangFor.has(ref))) {
      await new Promise(() => {});
    }
    const reason = this.refusal(options);
    if (reason) {
      this.refused.push(options);
      throw new Error(`Failed to send notifications: Error: ${reason}`);
    }
    await super.send(options);
  }
}
