import Testing

@testable import SecretAtlas

/// Catalog front matter that would crash Yams or expand without bound is refused before Yams reads it.
struct FrontMatterGuardTests {
    @Test func acceptsTheBundledShapeWithQuotesAndStarsInText() {
        let yaml = """
            title: Plaintext AWS access key
            severity: high
            description: "A key with [brackets] and *stars* and \\" quotes [[[["
            impact: don't *panic* about a*b or 'it''s [' # a comment with *x and [[[
            appliesTo: [ec2Instance, {kind: virtualMachine}]
            steps:
              - one
              - two: "multi
                line [ quoted"
            """
        #expect(FrontMatterGuard.problem(in: yaml) == nil)
    }

    @Test func refusesAliasesThatCouldExpandWithoutBound() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            yaml +=
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        #expect(
            FrontMatterGuard.problem(in: yaml)
                == "front matter uses a YAML alias (*name) at line 2; aliases are not accepted (they can "
                + "expand without bound): write the value out")
        #expect(FrontMatterGuard.problem(in: "title: x\nother: *ref") != nil)
    }

    @Test func refusesDeepNestingInFlowAndBlockStyleAndHugeFrontMatter() {
        let flow = "extra: " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        #expect(
            FrontMatterGuard.problem(in: flow)?.hasPrefix(
                "front matter nests deeper than 32 levels at line 1") == true)
        let block = (0..<40).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n")
        #expect(
            FrontMatterGuard.problem(in: block)?.hasPrefix(
                "front matter nests deeper than 32 levels at line 33") == true)
        let huge = "description: " + String(repeating: "x", count: 70_000)
        #expect(FrontMatterGuard.problem(in: huge) == "front matter is 70013 bytes; expected at most 65536")
        #expect(FrontMatterGuard.problem(in: String(repeating: "[", count: 60_000)) != nil)
    }
}
