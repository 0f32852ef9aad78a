import LDNS
/// The C library one client runs — a container of a workload, or the client a resolv.conf file or a live
/// run stands for — and how dnslint knows it. Rules whose verdict depends on the libc ask the context for
/// these instead of reading `--libc` (`LintContext.clients(of:)`, `clients(where:)`, `muslClients`).
package struct ClientLibc: Sendable {
    package enum Basis: Sendable, Hashable {
        /// `--libc`, or `libc:` in the configuration.
        case override
        /// The container's image.
        case image(ImageLibc)
        /// Nothing tells: glibc, the libc of most images.
        case assumed
    }

    package var libc: Libc
    package var basis: Basis
    /// The workload, nil for a resolv.conf file or a run without workloads.
    package var pod: PodDNS?
    /// The container, nil when there is none to name.
    package var container: ContainerImage?

    package init(libc: Libc, basis: Basis, pod: PodDNS? = nil, container: ContainerImage? = nil) {
        self.libc = libc
        self.basis = basis
        self.pod = pod
        self.container = container
    }

    /// The musl release when the image names an Alpine branch (for TCP fallback: 1.2.4 and later).
    package var muslRelease: MuslRelease? {
        if case .image(let image) = basis { return image.muslRelease }
        return nil
    }

    /// Whether a truncated UDP answer ends the lookup with what fitted (musl before 1.2.4 has no TCP
    /// fallback): true for a musl release known to be older, false for glibc or musl 1.2.4 and later, nil for
    /// musl of unknown release (`--libc musl`, an Alpine tag without a branch).
    package var lacksTCPFallback: Bool? {
        guard libc == .musl else { return false }
        return muslRelease.map { !$0.hasTCPFallback }
    }

    /// `container web of Deployment shop/web (alpine:3.19, Alpine 3.19 (musl 1.2.4))`, or the workload, or nil.
    package var clientDescription: String? {
        guard let pod else { return nil }
        guard let container else { return pod.description }
        let why = if case .image(let image) = basis { ", \(image.reason)" } else { "" }
        return "container \(container.name) of \(pod.description) (\(container.image)\(why))"
    }
}

extension LintContext {
    /// Every workload among the inputs: each pod template a manifest holds, in load order.
    package var workloads: [PodDNS] {
        inputs(of: ResolvConf.self).compactMap(\.pod)
    }

    /// The clients reading one resolv.conf: each container of its pod; for a file, one client of `--libc`
    /// (glibc without it).
    package func clients(of conf: ResolvConf) -> [ClientLibc] {
        guard let pod = conf.pod else { return [defaultClient] }
        return clients(of: pod)
    }

    /// A workload's containers with their libcs: `--libc` when given, else what each image says, else glibc.
    package func clients(of pod: PodDNS) -> [ClientLibc] {
        guard !pod.containers.isEmpty else {
            return [ClientLibc(libc: options.libc, basis: options.libcOverride == nil ? .assumed : .override, pod: pod)]
        }
        return pod.containers.map { container in
            if let override = options.libcOverride { return ClientLibc(libc: override, basis: .override, pod: pod, container: container) }
            if let image = container.libc { return ClientLibc(libc: image.libc, basis: .image(image), pod: pod, container: container) }
            return ClientLibc(libc: .glibc, basis: .assumed, pod: pod, container: container)
        }
    }

    /// The clients among the inputs: every container of every workload `including` accepts; when none is
    /// accepted (no manifests, a live run), the one client `--libc` stands for (glibc without it).
    package func clients(where including: (PodDNS) -> Bool = { _ in true }) -> [ClientLibc] {
        let found = workloads.filter(including).flatMap { clients(of: $0) }
        return found.isEmpty ? [defaultClient] : found
    }

    /// The C libraries of `clients(where:)`.
    package func clientLibcs(where including: (PodDNS) -> Bool = { _ in true }) -> Set<Libc> {
        Set(clients(where: including).map(\.libc))
    }

    /// The musl clients among the workloads (every container under `--libc musl`; none under `--libc glibc`),
    /// or the `--libc musl` client of a run without workloads.
    package var muslClients: [ClientLibc] {
        clients().filter { $0.libc == .musl }
    }

    private var defaultClient: ClientLibc {
        ClientLibc(libc: options.libc, basis: options.libcOverride == nil ? .assumed : .override)
    }
}
