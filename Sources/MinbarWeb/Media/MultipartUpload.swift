import Crypto
import Foundation
import Hummingbird
import MinbarCore
import MultipartKit
import NIOCore

/// A `multipart/form-data` upload read as it arrives: file parts are written straight to the
/// media store's working area (never held whole in memory) and hashed on the way, each refused
/// as soon as it passes the size limit; other fields are kept (small ones only).
struct MultipartUpload {
    struct File {
        var field: String
        var filename: String
        var url: URL
        var bytes: Int
        /// SHA-256 of the content, hex.
        var sha256: String
    }

    enum Problem: Error, Equatable {
        /// A file passed the limit (its name, the limit in bytes).
        case tooLarge(String, Int)
        /// The CSRF field did not come first, or was wrong.
        case csrf
        case malformed
        case noFile
    }

    var fields: [String: [String]] = [:]
    var files: [File] = []

    subscript(_ name: String) -> String { fields[name]?.first ?? "" }

    /// The boundary of a `multipart/form-data` content type.
    static func boundary(of contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for part in contentType.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty || value.count > 70 ? nil : value
            }
        }
        return nil
    }

    /// What the parser's callbacks share while one upload is read.
    final class ReadState {
        var headers: [(String, String)] = []
        var inPart = false
        var upload = MultipartUpload()
        var fieldBytes: [UInt8] = []
        var file: (handle: FileHandle, file: File, hasher: SHA256)?
        var pending = ByteBuffer()
        var problem: Problem?
        var csrfChecked = false
    }

    /// Reads the request's body. `checkCSRF` is asked about the `_csrf` field, which must come
    /// before any file (browsers send fields in the form's order); a token in the request's
    /// `X-CSRF-Token` header (the JavaScript uploader) stands for it.
    static func read(
        _ request: Request, boundary: String, maximumFileBytes: Int, maximumFiles: Int = 20, store: any MediaStore,
        headerToken: String?, checkCSRF: @escaping (String) -> Bool
    ) async throws -> MultipartUpload {
        let state = ReadState()
        if let headerToken { state.csrfChecked = checkCSRF(headerToken) }
        let parser = MultipartParser(boundary: boundary)

        func disposition() -> (name: String, filename: String?) {
            let value = state.headers.first { $0.0.lowercased() == "content-disposition" }?.1 ?? ""
            var name = ""
            var filename: String?
            for part in value.split(separator: ";") {
                let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                guard pair.count == 2 else { continue }
                let raw = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                switch pair[0].lowercased() {
                case "name": name = raw
                case "filename": filename = raw
                default: break
                }
            }
            return (name, filename)
        }
        func startPartIfNeeded() {
            guard !state.inPart, state.problem == nil else { return }
            state.inPart = true
            let (name, filename) = disposition()
            guard let filename else { return }
            guard state.csrfChecked else {
                state.problem = .csrf
                return
            }
            guard state.upload.files.count < maximumFiles else {
                state.problem = .malformed
                return
            }
            do {
                let url = try store.workingFile(named: "upload")
                _ = FileManager.default.createFile(atPath: url.path, contents: nil)
                let handle = try FileHandle(forWritingTo: url)
                let shown = (filename as NSString).lastPathComponent
                state.file = (handle, File(field: name, filename: shown, url: url, bytes: 0, sha256: ""), SHA256())
            } catch {
                state.problem = .malformed
            }
        }
        parser.onHeader = { name, value in state.headers.append((name, value)) }
        parser.onBody = { buffer in
            startPartIfNeeded()
            guard state.problem == nil else { return }
            if var current = state.file {
                current.file.bytes += buffer.readableBytes
                if current.file.bytes > maximumFileBytes {
                    state.problem = .tooLarge(current.file.filename, maximumFileBytes)
                    return
                }
                buffer.withUnsafeReadableBytes { current.hasher.update(bufferPointer: $0) }
                state.file = current
                state.pending.writeImmutableBuffer(buffer)
            } else {
                // A plain field: small by nature; anything larger is not a form this site made.
                guard state.fieldBytes.count + buffer.readableBytes <= 65_536 else {
                    state.problem = .malformed
                    return
                }
                state.fieldBytes += buffer.readableBytesView
            }
        }
        parser.onPartComplete = {
            startPartIfNeeded()
            defer {
                state.headers = []
                state.inPart = false
                state.fieldBytes = []
            }
            guard state.problem == nil else { return }
            if let current = state.file {
                do {
                    if state.pending.readableBytes > 0 {
                        try current.handle.write(contentsOf: Data(state.pending.readableBytesView))
                        state.pending.clear()
                    }
                    try current.handle.close()
                } catch {
                    state.problem = .malformed
                }
                var file = current.file
                file.sha256 = current.hasher.finalize().map { String(format: "%02x", $0) }.joined()
                if file.bytes > 0 || !file.filename.isEmpty { state.upload.files.append(file) }
                state.file = nil
            } else {
                let name = disposition().name
                let value = String(decoding: state.fieldBytes, as: UTF8.self).withUnixLineEnds
                if name == "_csrf", !state.csrfChecked { state.csrfChecked = checkCSRF(value) }
                state.upload.fields[name, default: []].append(value)
            }
        }

        func cleanUp() {
            if let current = state.file {
                try? current.handle.close()
                try? FileManager.default.removeItem(at: current.file.url)
            }
            for file in state.upload.files { try? FileManager.default.removeItem(at: file.url) }
        }
        do {
            for try await chunk in request.body {
                try parser.execute(chunk)
                if let problem = state.problem { throw problem }
                // What the parser handed over for the file in progress goes to disk now.
                if let current = state.file, state.pending.readableBytes > 0 {
                    try current.handle.write(contentsOf: Data(state.pending.readableBytesView))
                    state.pending.clear()
                }
            }
        } catch let problem as Problem {
            cleanUp()
            throw problem
        } catch {
            cleanUp()
            throw Problem.malformed
        }
        if let problem = state.problem {
            cleanUp()
            throw problem
        }
        guard state.csrfChecked else {
            cleanUp()
            throw Problem.csrf
        }
        // Empty file inputs (a form sent without choosing a file) are not files.
        var upload = state.upload
        for file in upload.files where file.bytes == 0 && file.filename.isEmpty { try? FileManager.default.removeItem(at: file.url) }
        upload.files.removeAll { $0.bytes == 0 && $0.filename.isEmpty }
        return upload
    }
}
