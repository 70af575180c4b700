/** One malformed setting: its full app-config key and what is wrong with it. @public */
export interface PolicyConfigIssue {
  /** e.g. `stockroom.categories.core-entity.rules.semver` */
  key: string;
  /** e.g. `stockroom.categories.core-entity.rules.semver is "warning"; allowed values are block, warn, off` */
  message: string;
}

/**
 * Thrown by {@link policyFromConfig} for a malformed `stockroom` config. It
 * lists every problem at once so a platform team fixes the file in one pass;
 * the backend fails to start rather than enforce a policy nobody wrote.
 *
 * @public
 */
export class PolicyConfigError extends Error {
  readonly issues: PolicyConfigIssue[];

  constructor(issues: PolicyConfigIssue[]) {
    super(
      issues.length === 1
        ? `Invalid app-config: ${issues[0].message}`
        : `Invalid app-config, ${issues.length} problems:\n${issues
            .map(issue => `- ${issue.message}`)
            .join('\n')}`,
    );
    this.name = 'PolicyConfigError';
    this.issues = issues;
  }
}
