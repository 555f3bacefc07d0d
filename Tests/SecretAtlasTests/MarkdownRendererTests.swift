import Dispatch
import Synchronization
import Testing

@testable import SecretAtlas

struct MarkdownRendererTests {
    private let renderer = MarkdownRenderer()

    @Test func rendersRawHTMLAsOmitted() {
        #expect(renderer.html(from: "<script>alert(1)</script>") == "<!-- raw HTML omitted -->\n")
        #expect(
            renderer.html(from: "a <img src=x onerror=alert(1)> b")
                == "<p>a <!-- raw HTML omitted --> b</p>\n")
    }

    @Test(arguments: [
        "[x](javascript:alert(1))", "[x](JAVASCRIPT:alert(1))", "[x]( javascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](vbscript:msgbox)", "[x](file:///etc/passwd)",
    ])
    func dropsUnsafeLinkTargets(markdown: String) {
        #expect(renderer.html(from: markdown) == "<p>x</p>\n")
    }

    @Test func keepsSafeLinkTargets() {
        #expect(
            renderer.html(
                from: "[docs](https://learn.microsoft.com/a?b=1&c=2) [rel](../x.html#y) [m](mailto:a@b.c)")
                == "<p><a href=\"https://learn.microsoft.com/a?b=1&amp;c=2\">docs</a> <a href=\"../x.html#y\">rel</a> "
                + "<a href=\"mailto:a@b.c\">m</a></p>\n")
    }

    @Test func turnsImagesIntoTheirTextSoNothingLoadsFromElsewhere() {
        #expect(
            renderer.html(from: "see ![tracking pixel](https://evil.example/p.png)")
                == "<p>see tracking pixel</p>\n")
    }

    @Test func rendersGitHubExtensions() {
        #expect(
            renderer.html(from: "| a | b |\n|---|---|\n| 1 | 2 |")
                == "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n"
        )
        #expect(renderer.html(from: "~~old~~") == "<p><del>old</del></p>\n")
        #expect(
            renderer.html(from: "- [x] done\n- [ ] todo")
                == "<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>\n"
                + "<li><input type=\"checkbox\" disabled=\"\" /> todo</li>\n</ul>\n")
        #expect(
            renderer.html(from: "see https://aws.amazon.com/iam")
                == "<p>see <a href=\"https://aws.amazon.com/iam\">https://aws.amazon.com/iam</a></p>\n")
    }

    @Test func escapesTextAndCode() {
        #expect(renderer.html(from: "`<b>` & \"q\"") == "<p><code>&lt;b&gt;</code> &amp; &quot;q&quot;</p>\n")
    }

    @Test func rendersCorrectlyFromManyThreadsAtOnce() {
        let wrong = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 400) { _ in
            if MarkdownRenderer().html(from: "~~old~~ and ~~older~~")
                != "<p><del>old</del> and <del>older</del></p>\n"
            {
                wrong.withLock { $0 += 1 }
            }
        }
        #expect(wrong.withLock { $0 } == 0)
    }
}
