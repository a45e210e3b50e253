import HTTPTypes

extension HTTPField.Name {
    /// `Referrer-Policy` (not among swift-http-types' predefined names).
    static var referrerPolicy: Self { Self("Referrer-Policy")! }
}
