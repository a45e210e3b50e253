import MinbarCore

/// The difference between two texts for comparing revisions: line by line (the standard
/// library's `difference(from:)`, Myers' algorithm, so long texts are compared as well as
/// short ones), then word by word inside a line that was changed rather than replaced.
enum TextDiff {
    enum Kind: String, Sendable {
        case same, removed, added
    }

    /// A piece of a line; `changed` marks the words taken out (in a removed line) or put in
    /// (in an added line).
    struct Segment: Sendable, Hashable {
        var text: String
        var changed: Bool
    }

    struct Line: Sendable, Hashable {
        var kind: Kind
        var segments: [Segment]

        var text: String { segments.map(\.text).joined() }

        init(kind: Kind, text: String) {
            self.kind = kind
            segments = [Segment(text: text, changed: kind != .same)]
        }

        init(kind: Kind, segments: [Segment]) {
            self.kind = kind
            self.segments = segments
        }
    }

    /// A changed line is shown word by word when at least this share of its words stayed.
    static let wordDiffThreshold = 0.4

    static func lines(_ old: String, _ new: String) -> [Line] {
        let a = old.withUnixLineEnds.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.withUnixLineEnds.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var result: [Line] = []
        var removed: [String] = []
        var added: [String] = []
        func flush() {
            result += hunk(removed: removed, added: added)
            removed = []
            added = []
        }
        for step in walk(a, b) {
            switch step {
            case .same(let line):
                flush()
                result.append(Line(kind: .same, text: line))
            case .removed(let line): removed.append(line)
            case .added(let line): added.append(line)
            }
        }
        flush()
        return result
    }

    enum Step<Element> {
        case same(Element), removed(Element), added(Element)
    }

    /// Both sequences in reading order: in each changed stretch, what was taken out comes before
    /// what was put in.
    static func walk<Element: Hashable>(_ a: [Element], _ b: [Element]) -> [Step<Element>] {
        let difference = b.difference(from: a)
        var removedAt = Set<Int>()
        var insertedAt = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removedAt.insert(offset)
            case .insert(let offset, _, _): insertedAt.insert(offset)
            }
        }
        var steps: [Step<Element>] = []
        steps.reserveCapacity(max(a.count, b.count))
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, removedAt.contains(i) {
                steps.append(.removed(a[i]))
                i += 1
            } else if j < b.count, insertedAt.contains(j) {
                steps.append(.added(b[j]))
                j += 1
            } else {
                steps.append(.same(a[i]))
                i += 1
                j += 1
            }
        }
        return steps
    }

    /// A stretch of removed lines followed by added ones: lines paired in order are compared
    /// word by word when enough of them stayed the same; the rest are shown whole.
    static func hunk(removed: [String], added: [String]) -> [Line] {
        guard !removed.isEmpty, !added.isEmpty else {
            return removed.map { Line(kind: .removed, text: $0) } + added.map { Line(kind: .added, text: $0) }
        }
        var before: [Line] = []
        var after: [Line] = []
        for index in 0..<max(removed.count, added.count) {
            switch (index < removed.count ? removed[index] : nil, index < added.count ? added[index] : nil) {
            case (let old?, let new?):
                let (oldLine, newLine) = words(old, new)
                before.append(oldLine)
                after.append(newLine)
            case (let old?, nil): before.append(Line(kind: .removed, text: old))
            case (nil, let new?): after.append(Line(kind: .added, text: new))
            case (nil, nil): break
            }
        }
        return before + after
    }

    /// One line before and after, with the words that changed marked.
    static func words(_ old: String, _ new: String) -> (Line, Line) {
        let a = tokens(old)
        let b = tokens(new)
        let steps = walk(a, b)
        let wordsKept = steps.reduce(0) { count, step in
            if case .same(let token) = step, !token.allSatisfy(\.isWhitespace) { return count + 1 }
            return count
        }
        let wordCount = max(a.filter { !$0.allSatisfy(\.isWhitespace) }.count, b.filter { !$0.allSatisfy(\.isWhitespace) }.count, 1)
        guard Double(wordsKept) / Double(wordCount) >= wordDiffThreshold else {
            return (Line(kind: .removed, text: old), Line(kind: .added, text: new))
        }
        var oldSegments: [Segment] = []
        var newSegments: [Segment] = []
        func append(_ text: String, changed: Bool, to segments: inout [Segment]) {
            if let last = segments.last, last.changed == changed {
                segments[segments.count - 1].text += text
            } else {
                segments.append(Segment(text: text, changed: changed))
            }
        }
        for step in steps {
            switch step {
            case .same(let token):
                append(token, changed: false, to: &oldSegments)
                append(token, changed: false, to: &newSegments)
            case .removed(let token): append(token, changed: true, to: &oldSegments)
            case .added(let token): append(token, changed: true, to: &newSegments)
            }
        }
        return (Line(kind: .removed, segments: oldSegments), Line(kind: .added, segments: newSegments))
    }

    /// Words and the spaces between them, so that joining the tokens gives the line back.
    static func tokens(_ line: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var currentIsSpace: Bool?
        for character in line {
            let isSpace = character.isWhitespace
            if isSpace != currentIsSpace, !current.isEmpty {
                tokens.append(current)
                current = ""
            }
            current.append(character)
            currentIsSpace = isSpace
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}
