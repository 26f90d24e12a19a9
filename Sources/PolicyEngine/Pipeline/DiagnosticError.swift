/// An error that can be shown as a located diagnostic. Every module's error enum conforms.
public protocol DiagnosticError: Error {
    /// The diagnostic to print.
    var diagnostic: Diagnostic { get }
}
