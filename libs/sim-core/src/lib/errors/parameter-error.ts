/**
 * A value supplied by the user (a strategy parameter, a pair or cycle id, a label) that the
 * library cannot accept. Applications show its message as a usage error; any other exception
 * from the library (a plain RangeError included) is a bug and is reported as one. It extends
 * RangeError so callers that test for RangeError keep working.
 */
export class ParameterError extends RangeError {
  override readonly name = 'ParameterError';
}
