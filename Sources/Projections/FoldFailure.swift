/// Why a fold could not place an event (validation should have made it impossible):
/// the projection stops at that event's seq and says so.
public struct FoldFailure: Error, Sendable, CustomStringConvertible {
    public let description: String
}
