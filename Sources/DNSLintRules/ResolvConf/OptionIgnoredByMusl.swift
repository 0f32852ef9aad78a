import DNSLintModel
import LDNS
/// DNS3003: musl reads only ndots, timeout and attempts; every other option does nothing.
struct OptionIgnoredByMusl: Rule {
    let metadata = RuleMetadata(
        code: "DNS3003",
        name: "option-ignored-by-musl",
        summary: "A resolv.conf option other than ndots, timeout or attempts has no effect with musl (Alpine images).",
        rationale: """
            musl's resolv.conf reader looks only for ndots:, attempts: and timeout:. Options that fix glibc \
            problems, such as single-request-reopen against the conntrack race, use-vc, edns0 or rotate, are \
            silently ignored in Alpine-based containers, so a fix that works on Debian images does nothing there. \
            Run for real (glibc 2.36 and musl 1.2.3 getaddrinfo against a scripted server): with \
            single-request-reopen glibc sends the AAAA query from a new socket and musl from the same one; with \
            single-request glibc waits for the A answer and musl asks both at once; with use-vc glibc asks over \
            TCP and musl over UDP; with edns0 glibc adds an OPT record and musl does not; and musl asks every \
            name server at once, rotate or not. The rule judges each workload with a musl container (an image \
            built on Alpine, by repository or tag, or BusyBox's or Void Linux's musl variant), and every input \
            under --libc musl.
            """,
        remediation: "Remove the option for musl images, or solve the problem elsewhere (NodeLocal DNSCache against the conntrack race, a glibc-based image where the option matters).",
        severity: .warning,
        inputs: [.resolvConf, .manifest],
        references: [
            "https://git.musl-libc.org/cgit/musl/tree/src/network/resolvconf.c",
            "https://wiki.musl-libc.org/functional-differences-from-glibc.html#Name-Resolver/DNS",
            "https://github.com/kubernetes/kubernetes/issues/56903",
        ],
        argumentKeys: [
            ArgumentKey("option", .string, "The option musl ignores."),
            ArgumentKey("containers", .strings, "The workload's containers whose images are musl-based (absent under --libc musl)."),
        ],
        triggering: [
            RuleExample("triggering-1", arguments: ["--libc", "musl"]),
            RuleExample("triggering-2", caption: "an Alpine-based container, told by its image"),
        ],
        clean: [
            RuleExample("clean-1", arguments: ["--libc", "musl"]),
            RuleExample("clean-2", caption: "glibc honours it"),
            RuleExample("clean-3", caption: "a Debian-based image: glibc honours it"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.inputs(of: ResolvConf.self).flatMap { conf -> [Finding] in
            let musl = context.clients(of: conf).filter { $0.libc == .musl }
            guard !musl.isEmpty else { return [] }
            // Told by images: name the containers and point at their images; under --libc musl, the file alone.
            let told = musl.compactMap { client -> ContainerImage? in
                guard case .image = client.basis else { return nil }
                return client.container
            }
            return conf.optionTokens.compactMap { token -> Finding? in
                let name = ResolverOptions.name(of: token.text)
                guard !ResolverOptions.valued.contains(name), !token.isPlaceholder else { return nil }
                guard !told.isEmpty else {
                    return finding(
                        "Option \(token.text)\(conf.podClause) does nothing on musl, which reads only ndots, timeout and attempts.",
                        at: token.location, arguments: ["option": .string(token.text)])
                }
                let names = told.map(\.name)
                let which = told.count == 1 ? "its musl-based container \(names[0])" : "its musl-based containers \(names.joined(separator: ", "))"
                return finding(
                    "Option \(token.text)\(conf.podClause) does nothing in \(which), because musl reads only ndots, timeout and attempts.",
                    at: token.location,
                    related: musl.compactMap { client in
                        guard let container = client.container, case .image(let image) = client.basis else { return nil }
                        return RelatedLocation(message: "container \(container.name) runs \(container.image): \(image.reason)", location: container.location)
                    },
                    arguments: ["option": .string(token.text), "containers": .strings(names)])
            }
        }
    }
}
