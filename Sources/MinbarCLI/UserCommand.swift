import ArgumentParser
import Foundation
import MinbarCore
import MinbarSQLite
import MinbarWeb

/// `minbar user`: accounts of the newsroom admin, from the command line. The first
/// administrator is made this way.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage admin accounts.",
        subcommands: [Add.self, List.self, SetRole.self, ResetPassword.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account.",
            discussion: "Example: echo 'a long password' | minbar user add --email editor@news.example --name 'سارة' --role administrator --password-stdin")

        @OptionGroup var dataOptions: DataOptions
        @Option(help: "Sign-in email address.") var email: String
        @Option(help: "Name shown in the admin.") var name: String
        @Option(help: "administrator, editor, author or contributor.") var role: Role
        @Flag(name: .customLong("password-stdin"), help: "Read the password from standard input (first line).")
        var passwordStdin = false
        @Option(name: .customLong("author"), help: "Slug of the author profile the user writes under.") var authorSlug: String?

        func run() async throws {
            guard passwordStdin else { throw ValidationError("pass --password-stdin and the password on standard input (never as an argument)") }
            let password = try readPassword()
            let store = try dataOptions.openStore()
            var authorID: Int64?
            if let authorSlug {
                guard let author = try await store.author(slug: authorSlug) else { throw ValidationError("no author profile with slug \(authorSlug)") }
                authorID = author.id
            }
            do {
                let user = try await store.createUser(
                    email: email, name: name, role: role, passwordHash: PasswordHashing.hash(password), authorID: authorID)
                print("created \(user.role.rawValue) \(user.email) (id \(user.id))")
            } catch let error as MinbarCore.ValidationError {
                throw ValidationError(error.errors.map { $0.message.en }.joined(separator: " "))
            } catch let error as ContentStoreError {
                throw ValidationError(error.fieldError.message.en)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts.")
        @OptionGroup var dataOptions: DataOptions

        func run() async throws {
            let store = try dataOptions.openStore()
            for user in try await store.users() {
                print("\(user.id)\t\(user.role.rawValue)\t\(user.email)\t\(user.name)")
            }
        }
    }

    struct SetRole: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-role", abstract: "Change an account's role.")
        @OptionGroup var dataOptions: DataOptions
        @Option(help: "The account's email address.") var email: String
        @Option(help: "administrator, editor, author or contributor.") var role: Role

        func run() async throws {
            let store = try dataOptions.openStore()
            guard let found = try await store.credentials(email: email) else { throw ValidationError("no account with email \(email)") }
            try await store.setRole(userID: found.user.id, role: role)
            print("\(found.user.email) is now \(role.rawValue)")
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password", abstract: "Set a new password (read from standard input); signs the user out everywhere.")
        @OptionGroup var dataOptions: DataOptions
        @Option(help: "The account's email address.") var email: String
        @Flag(name: .customLong("password-stdin"), help: "Read the password from standard input (first line).")
        var passwordStdin = false

        func run() async throws {
            guard passwordStdin else { throw ValidationError("pass --password-stdin and the password on standard input") }
            let password = try readPassword()
            let store = try dataOptions.openStore()
            guard let found = try await store.credentials(email: email) else { throw ValidationError("no account with email \(email)") }
            try await store.setPasswordHash(userID: found.user.id, hash: PasswordHashing.hash(password))
            print("password changed for \(found.user.email); their sessions were ended")
        }
    }
}

/// The first line of standard input, checked like the admin checks passwords.
func readPassword() throws -> String {
    guard let line = readLine(strippingNewline: true), !line.isEmpty else {
        throw ValidationError("no password on standard input")
    }
    do {
        try AccountValidation.password(line)
    } catch {
        throw ValidationError(error.errors.map { $0.message.en }.joined(separator: " "))
    }
    return line
}

extension Role: ExpressibleByArgument {}
