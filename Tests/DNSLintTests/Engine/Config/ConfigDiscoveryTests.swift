@testable import DNSLint
import Foundation
import Testing

/// `.dnslint.yml` is looked for in the working directory and the folders above it, up to the repository root.
@Suite struct ConfigDiscoveryTests {
    @Test func theNearestFileUpToTheRepositoryRootApplies() throws {
        let project = try ScratchProject(files: [".dnslint.yml": "fail-on: warning\n", "a/b/zone.zone": ""])
        defer { project.remove() }
        let found = ConfigDiscovery.find(from: project.url("a/b").path)
        #expect(found == project.url(".dnslint.yml").path)
        try project.write("a/.dnslint.yml", "")
        #expect(ConfigDiscovery.find(from: project.url("a/b").path) == project.url("a/.dnslint.yml").path)
        #expect(ConfigDiscovery.find(from: project.root.path) == project.url(".dnslint.yml").path)
    }

    @Test func theSearchStopsAtTheRepositoryRoot() throws {
        let outer = try ScratchProject(repository: false, files: [".dnslint.yml": "fail-on: never\n"])
        defer { outer.remove() }
        try FileManager.default.createDirectory(at: outer.url("repo/.git"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outer.url("repo/sub"), withIntermediateDirectories: true)
        #expect(ConfigDiscovery.find(from: outer.url("repo/sub").path) == nil, "a file above the repository is not the project's")
        // A worktree or submodule has a `.git` file rather than a folder: the root all the same.
        try outer.write("wt/.git", "gitdir: /elsewhere\n")
        try FileManager.default.createDirectory(at: outer.url("wt/sub"), withIntermediateDirectories: true)
        #expect(ConfigDiscovery.find(from: outer.url("wt/sub").path) == nil)
        // Outside any repository the search goes on up.
        try FileManager.default.createDirectory(at: outer.url("plain/sub"), withIntermediateDirectories: true)
        #expect(ConfigDiscovery.find(from: outer.url("plain/sub").path) == outer.url(".dnslint.yml").path)
    }

    @Test func aFolderNamedLikeTheFileIsNotIt() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try FileManager.default.createDirectory(at: project.url(".dnslint.yml"), withIntermediateDirectories: true)
        #expect(ConfigDiscovery.find(from: project.root.path) == nil)
    }

    @Test func pathsAreShownFromTheWorkingDirectory() {
        #expect(RelativePath.shown("/repo/.dnslint.yml", from: "/repo") == ".dnslint.yml")
        #expect(RelativePath.shown("/repo/.dnslint.yml", from: "/repo/a/b") == "../../.dnslint.yml")
        #expect(RelativePath.shown("/repo/zones/a.zone", from: "/repo/k8s") == "../zones/a.zone")
        #expect(RelativePath.shown("/repo", from: "/repo") == ".")
        #expect(RelativePath.shown("zones/a.zone", under: "/repo", from: "/repo/sub") == "../zones/a.zone")
        #expect(RelativePath.shown("/srv/zones/a.zone", from: "/repo") == "/srv/zones/a.zone")
    }
}
