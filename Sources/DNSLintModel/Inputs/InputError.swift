/// A usage problem that stops the run with exit code 2 (e.g. a zone whose origin cannot be known).
package struct InputError: Error, Sendable, CustomStringConvertible {
    package var message: String
    package init(_ message: String) { self.message = message }
    package var description: String { message }
}
