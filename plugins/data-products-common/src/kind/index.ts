export * from './constants';
export type * from './types';
export { parseDuration, formatDuration, DURATION_PATTERN } from './duration';
export { isCalendarDate } from './calendarDate';
export {
  ENTITY_REF_PATTERN,
  SEMVER_PATTERN,
  ISO_DATE_PATTERN,
  AVAILABILITY_PATTERN,
  CURRENCY_PATTERN,
  NON_BLANK_PATTERN,
} from './patterns';
export { dataProductEntitySchema } from './schema';
export {
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENT_DEPTH,
  MAX_TEXT_LENGTH,
  MAX_NAME_LENGTH,
  MAX_SCHEMA_FIELDS,
  MAX_SCHEMA_DEPTH,
  MAX_LIST_ITEMS,
} from './limits';
export type { JsonSchemaObject } from './schema';
export { documentLimitProblems, nestedTooDeepProblem } from './documentLimits';
export type { DocumentLimits } from './documentLimits';
export { formatValidationProblem } from './problem';
export type { ValidationProblem } from './problem';
export {
  validateDataProduct,
  isDataProductEntity,
  dataProductKindValidator,
} from './validate';
export {
  LIFECYCLE_DETAILS_FIELD,
  fromCatalogShape,
  toCatalogShape,
} from './catalogShape';
export {
  PLACEHOLDER_MAX_BYTES,
  placeholderPathProblem,
  isInsideFolder,
  placeholderOutsideFolderMessage,
  placeholderTooLargeMessage,
} from './placeholders';
export { placeholderTooDeepMessage } from './placeholderDepth';
export { majorVersionOf } from './majorVersion';
export { didYouMean } from './suggest';
