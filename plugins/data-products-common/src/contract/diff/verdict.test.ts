import type { ClassifiedContractChange } from '../types';
import { contractChangeVerdict } from './verdict';

const breaking: ClassifiedContractChange = {
  kind: 'breaking',
  change: 'field-removed',
  path: 'spec.contract.schema[1]',
  message: 'field email removed (was string)',
};
const added: ClassifiedContractChange = {
  kind: 'non-breaking',
  change: 'field-added',
  path: 'spec.contract.schema[3]',
  message: 'field phone added (string)',
};
const notice: ClassifiedContractChange = {
  kind: 'notice',
  change: 'classification-changed',
  path: 'spec.contract.schema[0].classification',
  message:
    'field id classification changed: internal → pii (consumers may lose access)',
};

describe('contractChangeVerdict', () => {
  it('ok without breaking changes, whatever the versions', () => {
    expect(contractChangeVerdict([], '1.0.0', '1.0.0', 'core-entity')).toBe(
      'ok',
    );
    expect(
      contractChangeVerdict([added, notice], '1.2.0', '1.2.1', 'core-entity'),
    ).toBe('ok');
    expect(
      contractChangeVerdict([added], undefined, undefined, 'shared-mart'),
    ).toBe('ok');
  });

  it('ok for a breaking change with a major bump', () => {
    expect(
      contractChangeVerdict([breaking, added], '1.4.2', '2.0.0', 'shared-mart'),
    ).toBe('ok');
    expect(
      contractChangeVerdict([breaking], '0.3.0', '1.0.0', 'convenience-view'),
    ).toBe('ok');
  });

  it('needs-major for a breaking change inside one major', () => {
    expect(
      contractChangeVerdict([breaking], '1.4.2', '1.5.0', 'shared-mart'),
    ).toBe('needs-major');
    expect(
      contractChangeVerdict([breaking], '2.0.0', '1.0.0', 'shared-mart'),
    ).toBe('needs-major');
  });

  it('0.x → 0.y is not a major bump', () => {
    expect(
      contractChangeVerdict([breaking], '0.3.0', '0.4.0', 'shared-mart'),
    ).toBe('needs-major');
  });

  it('needs-major when either version is missing or not semver', () => {
    expect(
      contractChangeVerdict([breaking], undefined, '2.0.0', 'shared-mart'),
    ).toBe('needs-major');
    expect(
      contractChangeVerdict([breaking], '1.0.0', 'v2', 'shared-mart'),
    ).toBe('needs-major');
  });

  it('needs-new-entity for a core entity changed in place, even with a major bump', () => {
    expect(
      contractChangeVerdict([breaking], '1.4.2', '1.5.0', 'core-entity'),
    ).toBe('needs-new-entity');
    expect(
      contractChangeVerdict([breaking], '1.4.2', '2.0.0', 'core-entity'),
    ).toBe('needs-new-entity');
  });

  it('judges a new core entity that supersedes the old one on its major version', () => {
    const options = { supersedesBefore: true };
    expect(
      contractChangeVerdict(
        [breaking],
        '1.4.2',
        '2.0.0',
        'core-entity',
        options,
      ),
    ).toBe('ok');
    expect(
      contractChangeVerdict(
        [breaking],
        '1.4.2',
        '1.5.0',
        'core-entity',
        options,
      ),
    ).toBe('needs-major');
  });
});
