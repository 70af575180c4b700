import Ajv, { type Options, type ValidateFunction } from 'ajv';
import { isCalendarDate } from './calendarDate';
import { nonBlankKeyword, withNonBlankKeyword } from './nonBlankKeyword';
import { dataProductEntitySchema } from './schema';

let quick: ValidateFunction | undefined;
let explaining: ValidateFunction | undefined;

function newAjv(options: Options) {
  const ajv = new Ajv(options);
  ajv.addFormat('date', { type: 'string', validate: isCalendarDate });
  return ajv;
}

// The two schema validators of validateDataProduct; not public, apart so
// their agreement can be tested (schemaValidators.test.ts).
//
// Both compiled once per process, on first use: compiling costs
// milliseconds, validating microseconds, and the catalog validates every
// entity on every refresh. Nearly every entity is valid, so it is checked
// by a quick validator: it stops at the first error, carries no data in its
// errors (allErrors and verbose double the cost of a valid entity too) and
// counts text lengths in UTF-16 units rather than characters (walking every
// text for its characters is a quarter of the rest). Units are never fewer
// than characters and the schema sets no minimum length, so what it passes
// is valid; what it fails goes to the exact validator, with every error and
// its data, which decides and explains. It also checks that a text is not
// blank without a regular expression when its first character says so
// (nonBlankKeyword.ts), which means the same.
export function quickSchemaValidator(): ValidateFunction {
  if (!quick) {
    const ajv = newAjv({
      allErrors: false,
      verbose: false,
      // counts maxLength in UTF-16 units (an option ajv marks deprecated,
      // and says so on the console unless told not to log)
      unicode: false,
      logger: false,
    });
    ajv.addKeyword(nonBlankKeyword);
    quick = ajv.compile(withNonBlankKeyword(dataProductEntitySchema));
  }
  return quick;
}

/**
 * The schema as written, every error with its data: what decides and
 * explains when the quick validator fails.
 */
export function exactSchemaValidator(): ValidateFunction {
  if (!explaining) {
    explaining = newAjv({ allErrors: true, verbose: true }).compile(
      dataProductEntitySchema,
    );
  }
  return explaining;
}
