@testable import DNSLintInputs
@testable import DNSLintModel
import Foundation
import Testing

/// Rules reach a zone's records from its view (`DNSView.zone`) and its answers from its records
/// (`ZoneContents.view`) instead of downcasting: both must lead to the same zone, and a view over a
/// capture must not pretend to be one.
@Suite struct ZoneViewPairingTests {
    @Test func aZoneReadIsItsViewsContentsAndViceVersa() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let paths = [try folder.write("a.example.zone", zoneText(origin: "a.example.", "www IN CNAME web\nweb IN A 192.0.2.7\n")),
                     try folder.write("b.example.zone", zoneText(origin: "b.example.", "mail IN A 192.0.2.8\n"))]
        let read = try InputReader.read(paths: paths, options: LintOptions())
        let context = LintContext(options: LintOptions(), inputs: read.inputs, views: read.views)
        #expect(context.zones.map(\.origin.text).sorted() == ["a.example.", "b.example."])
        for zone in context.zones {
            let pairedBack = try #require(zone.view.zone)
            #expect(pairedBack === zone, "\(zone.origin.text): its view leads to other contents")
            #expect(zone.view.zoneOrigin == zone.origin)
        }
        let viewsZones = read.views.compactMap(\.zone).map(ObjectIdentifier.init)
        #expect(Set(viewsZones) == Set(context.zones.map(ObjectIdentifier.init)), "every zone view leads to a zone input")
        let a = try #require(context.zones.first { $0.origin.text == "a.example." })
        #expect(a.view.answer(DNSName("www.a.example."), .a).finalName == DNSName("web.a.example."))
    }

    @Test func aCapturesViewsHaveNoZone() throws {
        let capture = TestPaths.fixtures("live").appendingPathComponent("nightly.capture.json").path
        let read = try InputReader.read(paths: [capture], options: LintOptions())
        #expect(!read.views.isEmpty)
        #expect(read.views.allSatisfy { $0.zone == nil && $0.zoneOrigin == nil })
    }
}
