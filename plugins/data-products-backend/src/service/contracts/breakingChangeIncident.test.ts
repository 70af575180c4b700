import { RecordedContractVersion } from '../../database/ContractHistoryStore';
import { breakingChangeIncident } from './breakingChangeIncident';

const REF = 'dataproduct:default/orders';
const NOW = new Date('2026-06-01T10:10:00Z');

const previous: RecordedContractVersion = {
  entityRef: REF,
  version: '1.0.0',
  fingerprint: 'fp-a',
  previousFingerprint: null,
  contract: { schema: [], accessPatterns: [], lineage: { upstreams: [] } },
  changes: [],
  verdict: null,
  recordedAt: new Date('2026-06-01T10:00:00Z'),
};

function next(
  verdict: RecordedContractVersion['verdict'],
): RecordedContractVersion {
  return {
    ...previous,
    version: '1.1.0',
    fingerprint: 'fp-b',
    previousFingerprint: 'fp-a',
    changes: [
      {
        kind: 'breaking',
        change: 'field-removed',
        path: 'spec.contract.schema[1]',
        message: 'amount was removed',
      },
    ],
    verdict,
    recordedAt: NOW,
  };
}

describe('breakingChangeIncident', () => {
  it.each(['needs-major', 'needs-new-entity'] as const)(
    'opens one when the verdict is %s',
    verdict => {
      expect(breakingChangeIncident(previous, next(verdict), 'block')).toEqual({
        entityRef: REF,
        kind: 'breaking-change-without-major',
        dedupeKey: `breaking-change-without-major|${REF}|fp-a|fp-b`,
        openedAt: NOW,
        details: {
          verdict,
          fromVersion: '1.0.0',
          toVersion: '1.1.0',
          fromFingerprint: 'fp-a',
          toFingerprint: 'fp-b',
          changes: next(verdict).changes,
        },
      });
    },
  );

  it('opens one when the rule only warns: the change is published already', () => {
    expect(
      breakingChangeIncident(previous, next('needs-major'), 'warn'),
    ).toEqual(
      expect.objectContaining({ kind: 'breaking-change-without-major' }),
    );
  });

  it('opens none when the change is ok, or on a first sighting', () => {
    expect(
      breakingChangeIncident(previous, next('ok'), 'block'),
    ).toBeUndefined();
    expect(
      breakingChangeIncident(previous, next(null), 'block'),
    ).toBeUndefined();
  });

  it('opens none where the rule is off for the category', () => {
    expect(
      breakingChangeIncident(previous, next('needs-major'), 'off'),
    ).toBeUndefined();
  });
});
