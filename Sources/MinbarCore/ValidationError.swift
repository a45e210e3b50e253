/// A problem with one field of a submitted value, with a message that says what to fix.
public struct FieldError: Sendable, Hashable, Codable {
    /// The field's name as it appears in forms and JSON (`title`, `slug`, `published_at`).
    public var field: String
    public var message: LocalizedText

    public init(field: String, message: LocalizedText) {
        self.field = field
        self.message = message
    }
}

extension Array where Element == FieldError {
    /// The first message of each field in a language, for showing beside the fields of a form.
    public func messagesByField(in language: String) -> [String: String] {
        var messages: [String: String] = [:]
        for error in self where messages[error.field] == nil { messages[error.field] = error.message.text(for: language) }
        return messages
    }
}

/// Everything wrong with a submitted value. Nothing is written when this is thrown.
public struct ValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var errors: [FieldError]

    public init(_ errors: [FieldError]) {
        self.errors = errors
    }

    public init(field: String, ar: String, en: String) {
        self.errors = [FieldError(field: field, message: LocalizedText(ar: ar, en: en))]
    }

    /// The message for one field, if it has a problem.
    public func message(for field: String) -> LocalizedText? {
        errors.first { $0.field == field }?.message
    }

    public var description: String {
        errors.map { "\($0.field): \($0.message.en)" }.joined(separator: "; ")
    }
}

/// Collects field errors while checking a value, then throws them all at once.
public struct ValidationErrorCollector: Sendable {
    public private(set) var errors: [FieldError] = []

    public init() {}

    /// Whether a problem was found with `field`.
    public func has(_ field: String) -> Bool { errors.contains { $0.field == field } }

    public mutating func add(_ field: String, ar: String, en: String) {
        errors.append(FieldError(field: field, message: LocalizedText(ar: ar, en: en)))
    }

    /// Throws a `ValidationError` when any problem was found.
    public func throwIfAny() throws(ValidationError) {
        if !errors.isEmpty { throw ValidationError(errors) }
    }
}
