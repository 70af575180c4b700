import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  NotificationSendOptions,
  NotificationService,
  notificationService,
} from '@backstage/plugin-notifications-node';

/**
 * A NotificationService that records what it was asked to send (the
 * notifications-node package ships no test double). `failFor` makes sends to
 * those recipients throw, as a down notifications backend would; `delayMs`
 * makes each send take a while, as an HTTP call does.
 */
export class RecordingNotificationService implements NotificationService {
  readonly sent: NotificationSendOptions[] = [];
  readonly failFor = new Set<string>();
  delayMs = 0;

  async send(options: NotificationSendOptions): Promise<void> {
    if (this.delayMs > 0) {
      await new Promise(resolve => setTimeout(resolve, this.delayMs));
    }
    const { recipients } = options;
    const refs =
      recipients.type === 'entity' ? [recipients.entityRef].flat() : [];
    if (refs.some(ref => this.failFor.has(ref))) {
      throw new Error(`Failed to send notifications: 503 for ${refs}`);
    }
    this.sent.push(options);
  }

  /** `recipient → title` per notice sent, to assert on briefly. */
  sentTo(): Array<{ recipient: string; title: string }> {
    return this.sent.map(({ recipients, payload }) => ({
      recipient:
        recipients.type === 'entity'
          ? [recipients.entityRef].flat().join(',')
          : 'broadcast',
      title: payload.title,
    }));
  }

  /** Installs this instance as the notificationService of a test backend. */
  factory() {
    return createServiceFactory({
      service: notificationService,
      deps: {},
      factory: () => this,
    });
  }
}
