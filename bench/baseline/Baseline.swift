import Hummingbird
@main struct Baseline { static func main() async throws {} }
