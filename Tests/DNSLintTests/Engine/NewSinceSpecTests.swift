@testable import DNSLint
import Testing

/// `--new-since` extracts only the paths the old revision has: a spec is present when it names a listed file
/// or a folder above one, told by one set of files and folders instead of a scan of the files per spec.
@Suite struct NewSinceSpecTests {
    static let listed = ["zones/a.test.zone", "zones/deep/b.test.zone", "zonesextra/c.zone", "Corefile", "k8s/dns/coredns.yaml"]

    @Test func specsNamingAFileOrAFolderAboveOneArePresent() {
        let specs = [".", "zones", "zones/deep", "zones/deep/b.test.zone", "Corefile", "k8s", "k8s/dns"]
        #expect(NewSince.presentSpecs(specs, listed: Self.listed) == Set(specs))
    }

    @Test func specsNamingNothingListedAreNot() {
        let specs = ["zone", "zones/a", "zones/deep/b", "new.zone", "k8s/dns/coredns.yml", "zones/a.test.zone/x"]
        #expect(NewSince.presentSpecs(specs, listed: Self.listed).isEmpty, "a name's prefix is not its folder")
    }

    @Test func theWholeTreeIsPresentEvenWhenEmpty() {
        #expect(NewSince.presentSpecs([".", "zones"], listed: []) == ["."])
    }
}
