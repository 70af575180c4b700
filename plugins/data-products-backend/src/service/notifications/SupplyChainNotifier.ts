import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { NotificationLogStore } from '../../database/NotificationLogStore';
import {
  ScorecardSnapshot,
  ScorecardSnapshotStore,
} from '../../database/ScorecardSnapshotStore';
import { ownersOf } from '../entityRefs';
import { OnceOnlyDelivery } from './OnceOnlyDelivery';
import { supplyChainNoticePayload } from './supplyChainNoticePayload';
import {
  anyNoticeCondition,
  dayOf,
  newestOfEachDay,
  streakReachesFirstSnapshot,
  supplyChainNotices,
  toldEarlierInEpisode,
} from './supplyChainNotices';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far back an episode's start is looked for: the history trends show. */
export const SUPPLY_CHAIN_HISTORY_DAYS = 90;
/** Days whose snapshot is read at once while looking for an episode's start. */
const DAYS_PER_READ = 7;

/** What one snapshot's notices did. */
export interface SupplyChainNoticesSummary {
  /** Due at this snapshot, sent before or not. */
  due: number;
  sent: number;
  /** Sent before, by any instance. */
  alreadySent: number;
  /** Sending failed; still due, tried again at the next snapshot. */
  failed: number;
}

const NOTHING: SupplyChainNoticesSummary = {
  due: 0,
  sent: 0,
  alreadySent: 0,
  failed: 0,
};

/**
 * Tells a product's owner, after each of its scorecard snapshots, what the
 * supply chain calls for (see supplyChainNotices): an exhausted error
 * budget, an alarming burn rate, a tier at risk — each once per episode,
 * through the plugin's one once-only delivery, so two instances scoring
 * the same product send it once. An episode whose start moved back (past
 * days scored later) is not told again under its new key
 * (`toldEarlierInEpisode`).
 *
 * A snapshot that shows none of the conditions costs nothing (no store
 * read). Otherwise the product's scores of the last
 * {@link SUPPLY_CHAIN_HISTORY_DAYS} days are read (no evidence), and the
 * evidence of one snapshot a day, back to where each episode began; an
 * episode older than that was due, and told, when it began.
 *
 * A notice whose send fails is logged and released in the log, so it stays
 * due: it is tried again at the product's next snapshot (the scoring task
 * takes one when runs arrive, and at least one a day) for as long as the
 * condition still holds there. An episode that ends before a send gets
 * through is not told.
 */
export class SupplyChainNotifier {
  private readonly delivery: OnceOnlyDelivery;

  constructor(
    private readonly deps: {
      snapshots: ScorecardSnapshotStore;
      log: NotificationLogStore;
      notifications: NotificationService;
      logger: LoggerService;
    },
  ) {
    this.delivery = new OnceOnlyDelivery({
      log: deps.log,
      notifications: deps.notifications,
      logger: deps.logger,
    });
  }

  /** Delivers the notices due at `snapshot`, just stored, of `product`. */
  async afterSnapshot(
    product: Entity,
    snapshot: ScorecardSnapshot,
    now: Date,
  ): Promise<SupplyChainNoticesSummary> {
    if (!anyNoticeCondition(snapshot)) return NOTHING;
    // Like the alerts: the first owner hears; a product without one, nobody.
    const [owner] = ownersOf(product);
    if (!owner) return NOTHING;
    const notices = supplyChainNotices({
      product: {
        entityRef: stringifyEntityRef(product),
        title: product.metadata.title ?? product.metadata.name,
        owner,
        ...(typeof product.spec?.category === 'string'
          ? { category: product.spec.category }
          : {}),
      },
      ...(await this.history(snapshot, now)),
    });
    const summary = { ...NOTHING, due: notices.length };
    const sentKeys = notices.length
      ? (await this.deps.log.list({ entityRef: notices[0].product.entityRef }))
          .map(sent => sent.dedupeKey)
      : [];
    for (const notice of notices) {
      if (toldEarlierInEpisode(notice, sentKeys)) {
        summary.alreadySent += 1;
        continue;
      }
      summary[
        await this.delivery.deliverNotice(
          notice,
          () => supplyChainNoticePayload(notice),
          now,
        )
      ] += 1;
    }
    return summary;
  }

  /**
   * The newest snapshot of each day before `snapshot`'s, then `snapshot`:
   * the times from the scores alone (no evidence read), then the evidence
   * of one snapshot a day, newest day first, {@link DAYS_PER_READ} days at
   * a time, only as far back as a streak still reaches. And whether
   * snapshots older than the {@link SUPPLY_CHAIN_HISTORY_DAYS} days exist.
   */
  private async history(snapshot: ScorecardSnapshot, now: Date) {
    const { snapshots } = this.deps;
    const ref = snapshot.entityRef;
    const from = now.getTime() - SUPPLY_CHAIN_HISTORY_DAYS * DAY_MS;
    // A day more than the history: whether anything precedes it.
    const times = await snapshots.scoreHistory(
      ref,
      new Date(from - DAY_MS),
      new Date(snapshot.takenAt.getTime() - 1),
    );
    const earlierHistory = times.some(s => s.takenAt.getTime() < from);
    const today = dayOf(snapshot);
    const days = newestOfEachDay(
      times.filter(s => s.takenAt.getTime() >= from && dayOf(s) !== today),
    ).reverse();

    let history = [snapshot];
    for (let i = 0; i < days.length; i += DAYS_PER_READ) {
      if (!streakReachesFirstSnapshot(history)) break;
      const read = await Promise.all(
        days
          .slice(i, i + DAYS_PER_READ)
          .map(day => snapshots.snapshotHistory(ref, day.takenAt, day.takenAt)),
      );
      history = [...read.reverse().flat(), ...history];
    }
    return { snapshots: history, earlierHistory };
  }
}
