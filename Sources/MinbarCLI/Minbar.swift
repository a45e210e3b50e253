import ArgumentParser

/// `minbar`: the Arabic-first news publishing platform.
@main
struct Minbar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minbar",
        abstract: "Minbar (منبر): an Arabic-first news publishing platform.",
        subcommands: [Serve.self, Demo.self, Import.self, Reindex.self, Synonyms.self, UserCommand.self, MediaCommand.self],
        defaultSubcommand: Serve.self)
}
