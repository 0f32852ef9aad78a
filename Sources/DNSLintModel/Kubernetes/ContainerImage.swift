import LDNS
/// One container of a pod template (init containers too: they resolve names like any other) and the C
/// library its image implies.
package struct ContainerImage: Sendable, Hashable {
    package init(name: String, image: String, location: SourceLocation) {
        self.name = name
        self.image = image
        self.location = location
        self.libc = ImageLibc.infer(fromImage: image)
    }

    /// The container's `name:`.
    package var name: String
    /// The `image:` reference as written.
    package var image: String
    /// Where `image:` is.
    package var location: SourceLocation
    /// What the image says about its libc; nil when it does not say (the run's default applies).
    package var libc: ImageLibc?
}

/// A musl release, e.g. 1.2.3.
package struct MuslRelease: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var major: Int
    package var minor: Int
    package var patch: Int

    package init(_ major: Int, _ minor: Int, _ patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// musl 1.2.4 added the TCP retry after a truncated UDP answer; older releases use what fitted.
    package static let tcpFallback = MuslRelease(1, 2, 4)

    package var hasTCPFallback: Bool { self >= Self.tcpFallback }

    package static func < (lhs: MuslRelease, rhs: MuslRelease) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }

    package var description: String { "\(major).\(minor).\(patch)" }
}

/// What an image reference says about the C library inside: musl for images built on a musl distribution
/// (Alpine, by repository or tag; BusyBox's and Void Linux's musl variants). Anything else is unknown, not
/// glibc: Wolfi/Chainguard and distroless are glibc, `static` images and Go binaries may use no libc at all.
package struct ImageLibc: Sendable, Hashable {
    package var libc: Libc
    /// The musl release of the Alpine branch the reference names (`alpine:3.17`, `node:20-alpine3.17`: 1.2.3);
    /// nil when it names none (`alpine`, `python:3.12-alpine`: whatever is current).
    package var muslRelease: MuslRelease?
    /// Why, in a few words: `Alpine 3.17 (musl 1.2.3)`.
    package var reason: String

    /// musl in each Alpine branch (the release notes; `main/musl` of each branch).
    static let alpineMusl: [String: MuslRelease] = [
        "3.8": MuslRelease(1, 1, 19), "3.9": MuslRelease(1, 1, 20), "3.10": MuslRelease(1, 1, 22),
        "3.11": MuslRelease(1, 1, 24), "3.12": MuslRelease(1, 1, 24), "3.13": MuslRelease(1, 2, 2),
        "3.14": MuslRelease(1, 2, 2), "3.15": MuslRelease(1, 2, 2), "3.16": MuslRelease(1, 2, 3),
        "3.17": MuslRelease(1, 2, 3), "3.18": MuslRelease(1, 2, 4), "3.19": MuslRelease(1, 2, 4),
        "3.20": MuslRelease(1, 2, 5), "3.21": MuslRelease(1, 2, 5), "3.22": MuslRelease(1, 2, 5),
    ]

    /// The libc an image reference implies (`registry/path/name:tag@digest`), or nil when it does not say.
    package static func infer(fromImage reference: String) -> ImageLibc? {
        let withoutDigest = reference.split(separator: "@", maxSplits: 1).first.map(String.init) ?? reference
        let lastSlash = withoutDigest.lastIndex(of: "/")
        var repository = Substring(withoutDigest)
        var tag: Substring = ""
        if let colon = withoutDigest.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
            repository = withoutDigest[..<colon]
            tag = withoutDigest[withoutDigest.index(after: colon)...]
        }
        let path = repository.lowercased().split(separator: "/")
        let tagTokens = tokens(tag.lowercased())
        let pathTokens = path.flatMap { tokens($0) }
        // alpine-glibc and similar images add glibc beside musl: which one a program uses is not in the name.
        guard !(pathTokens + tagTokens).contains(where: { $0.contains("glibc") }) else { return nil }
        if path.last == "alpine" {
            return alpine(branch: branch(tag), reason: "Alpine")
        }
        if let token = tagTokens.first(where: { $0 == "alpine" || isAlpineWithBranch($0) }) {
            return alpine(branch: branch(token.dropFirst("alpine".count)), reason: "an Alpine-based tag")
        }
        if pathTokens.contains(where: { $0 == "alpine" || $0 == "alpinelinux" }) {
            return alpine(branch: nil, reason: "an Alpine image")
        }
        if path.last == "busybox", tagTokens.contains("musl") {
            return ImageLibc(libc: .musl, muslRelease: nil, reason: "BusyBox's musl variant")
        }
        if pathTokens.contains(where: { $0.hasPrefix("void") }), (pathTokens + tagTokens).contains("musl") {
            return ImageLibc(libc: .musl, muslRelease: nil, reason: "Void Linux's musl variant")
        }
        return nil
    }

    private static func alpine(branch: String?, reason: String) -> ImageLibc {
        guard let branch, let release = alpineMusl[branch] else {
            return ImageLibc(libc: .musl, muslRelease: nil, reason: "\(reason) (musl)")
        }
        return ImageLibc(libc: .musl, muslRelease: release, reason: "Alpine \(branch) (musl \(release))")
    }

    /// Words of a repository component or tag: `node-alpine_3` gives node, alpine, 3.
    private static func tokens<S: StringProtocol>(_ text: S) -> [String] {
        String(text).split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
    }

    /// `alpine3.17`, `alpine3.17.2`.
    private static func isAlpineWithBranch(_ token: String) -> Bool {
        token.hasPrefix("alpine") && token.dropFirst("alpine".count).first?.isNumber == true
    }

    /// The Alpine branch a tag of `alpine` names: `3.17`, `3.17.2`, `3.17-something` give 3.17.
    private static func branch<S: StringProtocol>(_ tag: S) -> String? {
        let release = tag.prefix { $0.isNumber || $0 == "." }.split(separator: ".")
        guard release.count >= 2 else { return nil }
        return "\(release[0]).\(release[1])"
    }
}
