import Foundation

/// Progress of a long-running command on standard error: a redrawn bar on a terminal, a line
/// at every quarter in logs.
struct ProgressBar: Sendable {
    let label: String
    let isTerminal = isatty(STDERR_FILENO) == 1

    func update(_ done: Int, of total: Int) {
        let line: String
        if isTerminal {
            let width = 30
            let filled = total > 0 ? done * width / total : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            line = "\r\(label) \(bar) \(done)/\(total)" + (done == total ? "\n" : "")
        } else {
            let quarter = max(1, total / 4)
            guard done == total || done % quarter == 0 else { return }
            line = "\(label): \(done)/\(total)\n"
        }
        FileHandle.standardError.write(Data(line.utf8))
    }
}
