@testable import DNSLintModel
@testable import DNSLintInputs
import Foundation
import Testing

/// Which libc a workload runs, from its container images, and how `--libc` and the default combine with it.
@Suite struct ClientLibcTests {
    @Test(arguments: [
        ("alpine", "Alpine (musl)"),
        ("alpine:3.17", "Alpine 3.17 (musl 1.2.3)"),
        ("docker.io/library/alpine:3.18.4", "Alpine 3.18 (musl 1.2.4)"),
        ("alpine@sha256:0123456789abcdef", "Alpine (musl)"),
        ("node:20-alpine3.17", "Alpine 3.17 (musl 1.2.3)"),
        ("python:3.12-alpine", "an Alpine-based tag (musl)"),
        ("nginx:1.25-alpine-slim", "an Alpine-based tag (musl)"),
        ("registry.example:5000/team/app:1.2-alpine3.20", "Alpine 3.20 (musl 1.2.5)"),
        ("alpine/git:2.43.0", "an Alpine image (musl)"),
        ("busybox:1.36-musl", "BusyBox's musl variant"),
        ("ghcr.io/void-linux/void-musl:latest", "Void Linux's musl variant"),
    ])
    func muslImages(_ image: String, _ reason: String) throws {
        let found = try #require(ImageLibc.infer(fromImage: image))
        #expect(found.libc == .musl)
        #expect(found.reason == reason)
    }

    @Test(arguments: [
        "nginx", "nginx:1.25", "debian:bookworm-slim", "ubuntu:22.04", "busybox:1.36", "busybox:1.36-glibc",
        "cgr.dev/chainguard/wolfi-base", "gcr.io/distroless/base-debian12", "frolvlad/alpine-glibc:alpine-3.17",
        "registry.k8s.io/coredns/coredns:v1.11.1", "{{ .Values.image }}", "example/alpinist:1.0", "",
    ])
    func imagesThatDoNotSayMusl(_ image: String) {
        #expect(ImageLibc.infer(fromImage: image) == nil, "\(image)")
    }

    @Test func muslReleaseTellsTheTCPFallback() throws {
        #expect(try #require(ImageLibc.infer(fromImage: "alpine:3.17")?.muslRelease).hasTCPFallback == false)
        #expect(try #require(ImageLibc.infer(fromImage: "alpine:3.18")?.muslRelease).hasTCPFallback)
        #expect(ImageLibc.infer(fromImage: "alpine:edge")?.muslRelease == nil)
    }

    static let manifest = ManifestBuilder.yaml(
        .deployment("web", namespace: "shop", .init(initContainers: [.init("wait", image: "busybox:1.36-musl")],
                                                    containers: [.init("web", image: "registry.example/shop/web:2.4.0")])),
        .pod("tools", .running("alpine:3.17", name: "shell")))

    func context(_ flags: LintOptions = LintOptions(), manifest: String = manifest) -> LintContext {
        let inputs = ManifestReader.read(path: "app.yaml", text: manifest, options: flags).inputs
        return LintContext(options: flags, inputs: inputs, views: [])
    }

    @Test func manifestContainersCarryTheirImagesAndLines() throws {
        let pods = context().workloads
        #expect(pods.map(\.description) == ["Deployment shop/web", "Pod default/tools"])
        #expect(pods[0].containers.map(\.name) == ["wait", "web"])
        #expect(pods[0].containers.map(\.location.line) == [Self.manifest.line(containing: "image: busybox:1.36-musl"), Self.manifest.line(containing: "image: registry.example/shop/web")].compactMap { $0 })
        #expect(pods[0].containers.map { $0.libc?.libc } == [.musl, nil])
    }

    @Test func eachWorkloadGetsItsImagesLibcUnlessLibcIsGiven() {
        let inferred = context()
        #expect(inferred.clients(of: inferred.workloads[0]).map(\.libc) == [.musl, .glibc])
        #expect(inferred.clients(of: inferred.workloads[1]).map(\.libc) == [.musl])
        #expect(inferred.clientLibcs() == [.musl, .glibc])
        #expect(inferred.muslClients.compactMap(\.container?.name) == ["wait", "shell"])
        #expect(inferred.muslClients.last?.muslRelease == MuslRelease(1, 2, 3))
        #expect(inferred.muslClients.map(\.lacksTCPFallback) == [nil, true], "busybox: release unknown; Alpine 3.17: musl 1.2.3")
        #expect(inferred.clients(of: inferred.workloads[0]).last?.lacksTCPFallback == false, "glibc retries over TCP")
        #expect(inferred.clientLibcs { $0.kind == "Pod" } == [.musl])

        var glibc = LintOptions()
        glibc.libc = .glibc
        #expect(context(glibc).clientLibcs() == [.glibc], "--libc glibc overrides the images")
        #expect(context(glibc).muslClients.isEmpty)
        var musl = LintOptions()
        musl.libc = .musl
        #expect(context(musl).muslClients.count == 3, "--libc musl: every container")
    }

    @Test func withoutWorkloadsTheDefaultStandsForTheClients() {
        let none = LintContext(options: LintOptions(), inputs: [], views: [])
        #expect(none.clientLibcs() == [.glibc])
        #expect(none.clients().first?.basis == .assumed)
        var musl = LintOptions()
        musl.libc = .musl
        let flagged = LintContext(options: musl, inputs: [], views: [])
        #expect(flagged.clientLibcs() == [.musl])
        #expect(flagged.clients().first?.basis == .override)
        #expect(context().clientLibcs { _ in false } == [.glibc], "no workload accepted: the default")
    }
}
