// The benchmark's baseline: answers every GET with the same bytes and headers that Minbar sent
// for a page, from memory, through the same HTTP stack (Hummingbird), so the ratio Minbar/baseline
// shows what Minbar's own work costs per request.
//
// Usage: MinbarBenchBaseline PORT BODY_FILE HEADERS_FILE
import Foundation
import HTTPTypes
import Hummingbird

@main
struct Baseline {
    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 4, let port = Int(arguments[1]) else {
            FileHandle.standardError.write(Data("usage: MinbarBenchBaseline PORT BODY_FILE HEADERS_FILE\n".utf8))
            exit(2)
        }
        let body = ByteBuffer(bytes: try Data(contentsOf: URL(fileURLWithPath: arguments[2])))
        var headers = HTTPFields()
        // curl -D output: the status line, then "Name: value" lines.
        let skipped: Set<String> = ["content-length", "date", "connection", "server", "transfer-encoding"]
        for line in try String(contentsOfFile: arguments[3], encoding: .utf8).split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix("HTTP/") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !skipped.contains(name.lowercased()), let field = HTTPField.Name(name) else { continue }
            headers.append(HTTPField(name: field, value: value))
        }
        let router = Router()
        let response = Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
        router.get("/**") { _, _ in response }
        router.get("/") { _, _ in response }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "Minbar"))
        try await app.runService()
    }
}
