import type { DataProductCategory } from '@stockroom/plugin-data-products-common';
import type { DataProductAnswers } from './answers';
import { AnswerCheck, CHECKS } from './checkAnswer';

/** A single-valued answer of `stockroom init`: its flag, prompt and check. */
export interface Question {
  key: Exclude<keyof DataProductAnswers, 'fields'>;
  flag: string;
  label: string;
  check: AnswerCheck;
  /** Categories that are asked this; absent: every category. */
  askedFor?: readonly DataProductCategory[];
  /** Categories that must answer; `true`: every category. */
  requiredFor: readonly DataProductCategory[] | boolean;
  default?: (today: string) => string;
}

const CORE_AND_MART = ['core-entity', 'shared-mart'] as const;

/**
 * Asked before the category: what every product has. The order is the
 * template's first page.
 */
export const ABOUT: Question[] = [
  {
    key: 'name',
    flag: '--name',
    label: 'Name (metadata.name, e.g. payments-ledger)',
    check: CHECKS.name,
    requiredFor: true,
  },
  {
    key: 'title',
    flag: '--title',
    label: 'Title (optional)',
    check: CHECKS.text,
    requiredFor: false,
  },
  {
    key: 'description',
    flag: '--description',
    label: 'Description (what consumers get, one sentence)',
    check: CHECKS.text,
    requiredFor: true,
  },
  {
    key: 'owner',
    flag: '--owner',
    label: 'Owner group (e.g. group:default/payments-eng)',
    check: CHECKS.entityRef,
    requiredFor: true,
  },
  {
    key: 'system',
    flag: '--system',
    label: 'System (optional, e.g. system:default/payments)',
    check: CHECKS.entityRef,
    requiredFor: false,
  },
  {
    key: 'type',
    flag: '--type',
    label: 'Type (table, view, stream…)',
    check: CHECKS.text,
    requiredFor: true,
    default: () => 'table',
  },
  {
    key: 'createdOn',
    flag: '--created-on',
    label: 'Created on (YYYY-MM-DD)',
    check: CHECKS.date,
    requiredFor: true,
    default: today => today,
  },
  {
    key: 'category',
    flag: '--category',
    label: 'Category (core-entity, shared-mart, convenience-view)',
    check: CHECKS.category,
    requiredFor: true,
  },
];

/**
 * Asked after the category, as the template's category branches ask them:
 * each category must answer what its blocking rules need (CATEGORY_NEEDS).
 */
export const CONTRACT: Question[] = [
  {
    key: 'version',
    flag: '--contract-version',
    label: 'Contract version',
    check: CHECKS.version,
    askedFor: CORE_AND_MART,
    requiredFor: CORE_AND_MART,
    default: () => '0.1.0',
  },
  {
    key: 'p95',
    flag: '--p95',
    label: 'Freshness P95 (45s, 30m, 2h, 1d)',
    check: CHECKS.duration,
    requiredFor: CORE_AND_MART,
  },
  {
    key: 'p99',
    flag: '--p99',
    label: 'Freshness P99, at least P95',
    check: CHECKS.duration,
    askedFor: CORE_AND_MART,
    requiredFor: ['core-entity'],
  },
  {
    key: 'tier',
    flag: '--tier',
    label: 'Freshness tier (streaming, micro-batch, daily; optional)',
    check: CHECKS.tier,
    requiredFor: false,
  },
  {
    key: 'escalationChannel',
    flag: '--escalation',
    label: 'Escalation channel (e.g. #payments-data)',
    check: CHECKS.text,
    requiredFor: CORE_AND_MART,
  },
  {
    key: 'onCall',
    flag: '--on-call',
    label: 'On-call (e.g. pagerduty:payments-primary)',
    check: CHECKS.text,
    askedFor: CORE_AND_MART,
    requiredFor: ['core-entity'],
  },
];

export function isAsked(question: Question, category: DataProductCategory) {
  return !question.askedFor || question.askedFor.includes(category);
}

export function isRequired(
  question: Question,
  category: DataProductCategory | undefined,
) {
  if (typeof question.requiredFor === 'boolean') {
    return question.requiredFor;
  }
  return category !== undefined && question.requiredFor.includes(category);
}
