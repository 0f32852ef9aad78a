import Foundation
import Testing

/// The HTML report as people see it: headless Chromium (Debian's `chromium`) renders it to a PNG, which must
/// show the timeline's colours (cache entries, failed lookups), and its DOM must hold the timeline's elements.
@Suite(.enabled(if: HeadlessChromium.path != nil, "needs chromium (./scripts/setup.sh --test installs it)"))
struct TimelineScreenshotTests {
    static let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,900"]

    @Test func theTimelineRendersWithItsMarks() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent("timeline.html")
        let examples = TestPaths.packageRoot.appendingPathComponent("examples").path
        let simulate = try runBounded(["simulate", examples, "--lookup", "api.example.com", "--from", "shop/web", "--html", html.path],
                                      seconds: 60)
        #expect(simulate.status == 0, "\(simulate.stderr)")

        let png = folder.appendingPathComponent("timeline.png")
        let shot = try runBounded(Self.flags + ["--screenshot=\(png.path)", html.absoluteString], seconds: 90,
                                  executable: HeadlessChromium.path!)
        #expect(!shot.timedOut && FileManager.default.fileExists(atPath: png.path), "\(shot.stderr.suffix(600))")
        let script = TestPaths.packageRoot.appendingPathComponent("Tests/Tools/png_colors.py").path
        // Failed lookups and NXDOMAIN (c8423b), NOERROR (3a9d5d), CNAME-only NOERROR (e0a526).
        let colors = try runCommand(try #require(PackagingTools.python3), [script, png.path, "c8423b", "3a9d5d", "e0a526"])
        #expect(colors.status == 0, "\(colors.stderr)")
        let fields = colors.stdout.split(separator: " ").map(String.init)
        let distinct = Int(fields.first ?? "") ?? 0
        #expect(distinct > 50, "a blank or nearly blank screenshot: \(colors.stdout)")
        for field in fields.dropFirst() {
            let count = Int(field.split(separator: "=").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
            #expect(count > 200, "too few pixels of \(field) in the screenshot")
        }

        let dom = try runBounded(Self.flags + ["--dump-dom", html.absoluteString], seconds: 90, executable: HeadlessChromium.path!)
        #expect(dom.stdout.contains("<svg id=\"timeline\""))
        #expect(dom.stdout.components(separatedBy: "class=\"cache-entry\"").count > 3)
        #expect(dom.stdout.contains("class=\"lookup failed\"") && dom.stdout.contains("class=\"failure-window\""))
    }
}

enum HeadlessChromium {
    static let path: URL? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].map(URL.init(fileURLWithPath:))
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }
}
