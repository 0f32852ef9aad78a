import ArgumentParser
import DNSLint
import DNSLintModel
import Foundation

/// `dnslint init`: writes a commented starter `.dnslint.yml` listing what the current folder holds.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter .dnslint.yml for the inputs found here.",
        discussion: """
            Finds zone files (with their origins), Corefiles and CoreDNS ConfigMaps, resolv.conf files and Kubernetes \
            manifests below the current folder as `dnslint check .` would, and the CoreDNS version of a CoreDNS image, \
            and writes them as the inventory of a commented .dnslint.yml.
            """
    )

    @Flag(name: .long, help: "Overwrite an existing .dnslint.yml.")
    var force = false

    func run() throws {
        let path = ConfigDiscovery.fileName
        if !force, FileManager.default.fileExists(atPath: path) {
            throw InputError("\(path) exists; pass --force to overwrite it")
        }
        let starter = StarterConfig.discover(in: ".")
        let text = starter.text
        // What init writes must load: a starter that fails its own reader would be a bug, not a user error.
        _ = try ConfigReader.parse(text, file: path, folder: FileManager.default.currentDirectoryPath)
        try AtomicFile.write(Data(text.utf8), to: path)
        print("Wrote \(path): \(starter.summary).")
    }
}
