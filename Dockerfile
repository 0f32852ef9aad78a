# The dnslint image (examples/k8s-jobs runs it):
#   docker build -t registry.example/dnslint:0.1.0 .
#   docker run --rm -v "$PWD:/work" -w /work registry.example/dnslint:0.1.0 check .
# Build stage: the Swift toolchain on Debian 12 with ldns' headers. Runtime stage: Debian 12 slim with the
# ldns library and the one stripped binary; the Swift runtime is linked into it (--static-swift-stdlib), so it
# needs only libldns3, libstdc++6 and libc (checked with ldd on a release build).
ARG SWIFT_VERSION=6.3

FROM swift:${SWIFT_VERSION}-bookworm AS build
# Debian's stable packages move only for fixes: pinning their versions would break the build at each one.
# hadolint ignore=DL3008
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libldns-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Dependencies first, so a change to the sources does not fetch them again (Package.resolved when present).
COPY Package.* ./
RUN swift package resolve
# Package.swift also declares the test target, and SwiftPM checks it even to build one product: it needs a
# Swift file and the folders the manifest names (Fixtures as a resource, Snapshots excluded), else the build
# fails ("overlapping sources") or warns. Empty ones do: the tests, fixtures and snapshots stay out of the
# build context and the image, and editing a test no longer invalidates the release build's layers.
RUN mkdir -p Tests/DNSLintTests/Fixtures Tests/DNSLintTests/Snapshots \
 && touch Tests/DNSLintTests/Placeholder.swift
COPY Sources ./Sources
RUN swift build -c release --product dnslint --static-swift-stdlib \
 && install -D -s -m 0755 "$(swift build -c release --show-bin-path)/dnslint" /out/dnslint

FROM debian:bookworm-slim
# hadolint ignore=DL3008
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libldns3 ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/dnslint /usr/local/bin/dnslint
USER 65532:65532
ENTRYPOINT ["dnslint"]
CMD ["--help"]
