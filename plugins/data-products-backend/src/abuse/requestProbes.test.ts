import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { nativeRunProbes } from './cases/nativeRunCases';
import { openLineageProbes } from './cases/openLineageCases';
import { readProbes } from './cases/readCases';
import {
  refreshProbes,
  taskProbes,
  unknownRouteProbes,
} from './cases/taskCases';
import { transportProbes } from './cases/transportCases';
import { judgeReply, summarizeReply } from './judgeReply';
import { startProbeBackend } from './__testUtils__/probeBackend';
import { RequestProbe } from './RequestProbe';
import { rowCountsOfEveryTable } from './rowCounts';
import { sendProbe } from './sendProbe';

jest.setTimeout(120_000);

/**
 * The probe suite (issue #11): malformed and refused requests against the
 * plugin as deployed (probeBackend.ts), on SQLite and PostgreSQL. Each must
 * get its 4xx in JSON, naming the field at fault, and leave every table's
 * row count as it was. Expectations are written by hand in ./cases from
 * the API document and the issue, not read from the code.
 */
const PROBES: RequestProbe[] = [
  ...nativeRunProbes,
  ...openLineageProbes,
  ...transportProbes,
  ...readProbes,
  ...taskProbes,
  ...refreshProbes,
  ...unknownRouteProbes,
];

/** Tables a probe allowed to store with a warning may grow, by one row. */
const GROWS_WHEN_STORED = ['runs', 'run_events', 'observed_schemas'];

describe('request probes', () => {
  it('replays at least 300 distinct requests, each named once', () => {
    const names = PROBES.map(p => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(PROBES.length).toBeGreaterThanOrEqual(300);
  });

  /** probe name → database → what it answered, to compare the databases. */
  const answers = new Map<string, Map<string, string>>();
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    const backends: Partial<
      Record<
        'products' | 'scheduler',
        {
          knex: Knex;
          port: number;
          stop(): Promise<void>;
        }
      >
    > = {};

    beforeAll(async () => {
      for (const kind of ['products', 'scheduler'] as const) {
        const knex = await databases.init(databaseId);
        const backend = await startProbeBackend(knex, kind);
        backends[kind] = {
          knex,
          port: backend.server.port(),
          stop: () => backend.stop(),
        };
      }
    });

    afterAll(async () => {
      for (const backend of Object.values(backends)) await backend.stop();
    });

    it.each(PROBES.map(p => [p.name, p] as const))('%s', async (_, probe) => {
      const { knex, port } = backends[probe.backend ?? 'products']!;
      const before = await rowCountsOfEveryTable(knex);
      const reply = await sendProbe(port, '/api/data-products', probe);
      const after = await rowCountsOfEveryTable(knex);

      const storedWithWarning =
        probe.orStoredWithWarning === true && reply.status === 200;
      const changed = Object.keys({ ...before, ...after }).filter(table => {
        const grew = (after[table] ?? 0) - (before[table] ?? 0);
        return storedWithWarning && GROWS_WHEN_STORED.includes(table)
          ? grew > 1 || grew < 0
          : grew !== 0;
      });
      answers.set(
        probe.name,
        (answers.get(probe.name) ?? new Map()).set(
          databaseId,
          storedWithWarning ? '200 stored with a warning' : `${reply.status}`,
        ),
      );

      const wrong = judgeReply(probe, reply);
      const rowCountsChanged = changed.map(
        t => `${t}: ${before[t] ?? 0} → ${after[t] ?? 0}`,
      );
      const failed = wrong.length + rowCountsChanged.length > 0;
      // The reply is shown only when the probe fails.
      expect({
        wrong,
        rowCountsChanged,
        ...(failed ? { reply: summarizeReply(reply) } : {}),
      }).toEqual({ wrong: [], rowCountsChanged: [] });
    });
  });

  it('answers every probe alike on SQLite and PostgreSQL', () => {
    const differing = [...answers]
      .filter(([, byDatabase]) => new Set(byDatabase.values()).size > 1)
      .map(
        ([name, byDatabase]) => `${name}: ${JSON.stringify([...byDatabase])}`,
      );
    expect(differing).toEqual([]);
  });
});
