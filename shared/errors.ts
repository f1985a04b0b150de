// Base class for the project's typed errors: each subclass has a stable `name` and a machine
// readable `code`, so callers switch on codes instead of parsing messages.
export abstract class CodedError<Code extends string> extends Error {
  abstract override readonly name: string
  constructor(
    readonly code: Code,
    message?: string,
  ) {
    super(message ?? code)
  }
}
