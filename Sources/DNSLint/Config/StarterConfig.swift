import DNSLintInputs
import DNSLintModel
import Foundation

/// `dnslint init`: what a folder holds (found as `dnslint check .` finds inputs) written as a commented
/// `.dnslint.yml`, which loads cleanly and validates against `schemas/dnslint-config.schema.json`.
package struct StarterConfig: Sendable {
    package struct Zone: Sendable, Hashable {
        package var path: String
        /// nil when the file does not tell it (then the entry is written commented out).
        package var origin: String?
    }

    package var zones: [Zone] = []
    /// Corefiles and ConfigMaps that embed one.
    package var corefiles: [String] = []
    package var resolvConfs: [String] = []
    package var manifests: [String] = []
    /// The CoreDNS version of the oldest CoreDNS image found, and where.
    package var corednsVersion: (version: String, source: String)?

    package init() {}

    /// Scans `folder` as `dnslint check FOLDER` does (hidden entries, `$INCLUDE` targets and Helm charts left
    /// out) and sorts what it read: each zone with its origin, CoreDNS ConfigMaps apart from other manifests,
    /// the CoreDNS image tags.
    package static func discover(in folder: String = ".") -> StarterConfig {
        var found = StarterConfig()
        var options = LintOptions()
        options.threads = 1
        // A folder with nothing recognised is an error for `check`; for init it is an empty inventory.
        guard let read = try? InputReader.read(paths: [folder], options: options) else { return found }
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        func relative(_ path: String) -> String {
            base == "." && path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        }
        var inputsByPath: [String: [any ParsedInput]] = [:]
        for input in read.inputs { inputsByPath[input.path, default: []].append(input) }
        for path in read.paths {
            let inputs = inputsByPath[path] ?? []
            let lower = path.lowercased()
            if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
                if inputs.contains(where: { $0 is Corefile }) {
                    found.corefiles.append(relative(path))
                } else {
                    found.manifests.append(relative(path))
                }
                continue
            }
            switch InputFile.open(path).flatMap({ bestLoader(for: $0) })?.kind {
            case .zone:
                let origin = inputs.compactMap { ($0 as? any ZoneContents)?.origin.text }.first
                found.zones.append(Zone(path: relative(path), origin: origin))
            case .corefile: found.corefiles.append(relative(path))
            case .resolvConf: found.resolvConfs.append(relative(path))
            case .manifest: found.manifests.append(relative(path))
            case .live, nil: continue
            }
        }
        let images = read.inputs.compactMap { $0 as? CoreDNSImage }
        if let oldest = images.min(by: { $0.version < $1.version }) {
            found.corednsVersion = ("\(oldest.version)", "\(oldest.image) in \(relative(oldest.path)) (\(oldest.workload))")
        }
        return found
    }

    static func bestLoader(for file: InputFile) -> (any InputLoader)? {
        var best: (any InputLoader)?
        var bestScore = Recognition.no
        for loader in InputLoaders.all where loader.recognize(file) > bestScore {
            best = loader
            bestScore = loader.recognize(file)
        }
        return best
    }

    /// The file's text.
    package var text: String {
        var lines = [
            "# dnslint project configuration, written by `dnslint init`; edit it to taste.",
            "# `dnslint check` with no paths checks the inventory below, `dnslint live` with no names audits its names.",
            "# Paths and globs are relative to this file's folder (`*` within a folder, `**` across folders).",
            "# Reference: the \"Configuration and suppressions\" section of dnslint's README; JSON Schema:",
            "# schemas/dnslint-config.schema.json in the dnslint repository.",
            "",
            "inventory:",
        ]
        lines.append(zones.isEmpty ? "  zones: []                # none found" : "  zones:")
        for zone in zones {
            if let origin = zone.origin {
                lines += ["    - path: \(Self.quoted(zone.path))", "      origin: \(Self.quoted(origin))"]
            } else {
                lines += ["    # - path: \(Self.quoted(zone.path))", "    #   origin: example.com.   # the file does not say; give its origin"]
            }
        }
        lines += Self.list("corefiles", corefiles, note: "Corefiles and CoreDNS ConfigMaps")
        lines += Self.list("resolv-conf", resolvConfs, note: "resolv.conf files")
        lines += Self.list("manifests", manifests, note: "Kubernetes manifests")
        lines += [
            "  # names-files: [names.txt]      # names `dnslint live` audits, one a line",
            "  # names: [www.example.com]",
            "  # servers: [10.96.0.10]         # resolvers `dnslint live` asks (default: /etc/resolv.conf's first)",
        ]
        if let (version, source) = corednsVersion {
            lines.append("  coredns-version: \"\(version)\"     # \(source)")
        } else {
            lines.append("  # coredns-version: \"1.11.1\"     # default: a CoreDNS image tag among the inputs, else unknown (hazard rules then assume an affected release)")
        }
        lines += [
            "  # libc: musl                     # the C library of every client (default: from each workload's image, else glibc)",
            "  # cluster-domain: cluster.local",
            "",
            "# Policy: rules by code (DNS1001), name (cname-chain-no-aaaa) or code prefix (DNS1 data, DNS2 Corefiles,",
            "# DNS3 resolv.conf and pods, DNS4 combinations). Command-line flags win over these.",
            "# select: [DNS]",
            "# ignore:",
            "#   - DNS3002",
            "#   - rule: DNS1001                 # one rule's findings about one name",
            "#     name: legacy.example.com",
            "#     reason: IPv4-only host, retired next quarter",
            "# severity:",
            "#   ttl-below-cache-floor: warning",
            "fail-on: error                     # error, warning, note or never",
            "# overrides:",
            "#   - paths: [\"legacy/**\"]",
            "#     ignore: [DNS1008]",
            "#     severity: {DNS1001: note}",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    static func list(_ key: String, _ paths: [String], note: String) -> [String] {
        guard !paths.isEmpty else { return ["  \(key): []" + String(repeating: " ", count: max(1, 22 - key.count)) + "# \(note): none found"] }
        return ["  \(key):"] + paths.map { "    - \(quoted($0))" }
    }

    /// Plain when YAML reads it back unchanged, else double-quoted (JSON escapes are valid YAML).
    static func quoted(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || "._/-".contains($0) } && !text.isEmpty
            && !text.hasPrefix("-") && Double(text) == nil && !["true", "false", "yes", "no", "on", "off", "null", "y", "n"].contains(text.lowercased())
        guard !plain else { return text }
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }

    /// A line for the terminal: what was written.
    package var summary: String {
        var parts = ["\(zones.count) zone file\(zones.count == 1 ? "" : "s")", "\(corefiles.count) Corefile\(corefiles.count == 1 ? "" : "s") or ConfigMap\(corefiles.count == 1 ? "" : "s")",
                     "\(resolvConfs.count) resolv.conf", "\(manifests.count) manifest\(manifests.count == 1 ? "" : "s")"]
        if let corednsVersion { parts.append("CoreDNS \(corednsVersion.version)") }
        return parts.joined(separator: ", ")
    }
}
