import Testing

@testable import SecretAtlas

struct StableIDTests {
    @Test(arguments: [
        ("vm-nwl-jump-01", "vm-nwl-jump-01"),
        ("Web Server (Prod)", "web-server-prod"),
        ("../../etc/passwd", "etc-passwd"),
        ("/", "item"),
        ("CON", "con"),
        ("名前", "item"),
        ("a\u{0}b", "a-b"),
    ])
    func slugsKeepOnlySafeCharacters(name: String, slug: String) {
        #expect(StableID.slug(name) == slug)
    }

    @Test func slugsAreBoundedInLength() {
        #expect(StableID.slug(String(repeating: "a", count: 1000)).count == 40)
    }

    @Test func idsDependOnIdentityNotOrderOrMachine() {
        let first = StableID.make(name: "vm-a", identity: "/subscriptions/1/vm-a")
        #expect(first == StableID.make(name: "vm-a", identity: "/subscriptions/1/vm-a"))
        #expect(first != StableID.make(name: "vm-a", identity: "/subscriptions/2/vm-a"))
        #expect(first == "vm-a-" + StableID.hexDigest("/subscriptions/1/vm-a").prefix(10))
    }

    @Test func hexDigestIsSHA256() {
        #expect(
            StableID.hexDigest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
