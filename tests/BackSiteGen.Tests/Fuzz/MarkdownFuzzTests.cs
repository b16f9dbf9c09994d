using System.Text.RegularExpressions;
using BackSiteGen.Diagnostics;
using BackSiteGen.Site;
using BackSiteGen.Tests.Infrastructure;
using CsCheck;

namespace BackSiteGen.Tests.Fuzz;

/// <summary>Random Markdown, stitched from the fragments that break parsers and sanitizers, through the whole build.</summary>
/// <remarks>Run with <c>BACKSITEGEN_FUZZ=1 dotnet test --filter FullyQualifiedName~Fuzz</c>. A failure prints a CsCheck
/// seed; turn the input it shrinks to into a case in BrokenSiteTests or OddSiteTests.</remarks>
public sealed partial class MarkdownFuzzTests
{
    private static readonly string[] Fragments =
    [
        "x", "word ", "é", "日本", "\n", "\n\n", "  ", "    ", "\t", "> ", ">", "- ", "* ", "1. ", "+ ", "#", "## ", "|", "| a | b |\n|---|---|\n",
        "[", "]", "(", ")", "](", "![i](", "*", "**", "_", "__", "`", "```\n", "~~~\n", "\\", "&amp;", "&#0;", "&#x0A;", "---", "::: note\n", ":::\n",
        "<", "</", "<div>", "</div>", "<p\n", "<b ", "onclick=x>", " onerror=alert(1)>", "<script>", "</script>", "<SCRIPT>", "<scr<script>ipt>", "<iframe src=x>", "<object>",
        "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">", "<a href='&#x6A;avascript:x'>", "<a href=java&#x09;script:x>", "<a href=javascript:x>", "<a href=\"javascript&colon;x\">", "<a href=&#106avascript:x>", "<a href='java&NewLine;script:x'>", "<svg><script>",
        "<!--", "-->", "<style>", "<math>", "javascript:", "JaVaScRiPt:", "[x](javascript:alert(1))", "[x](<javascript:x>)", "<javascript:alert(1)>", "[r]: javascript:x\n", "[x][r]",
        "[a](a.md)", "[b](../../x.md)", "[c](%2e%2e/%2e%2e/etc)", "[d](<my page.md>)", "{{ page.title }}", "\uFEFF", "\r", "\u0000", "\u2028",
    ];

    private static readonly Gen<string> Body = Gen.OneOf(Fragments).Array[0, 200].Select(string.Concat);

    [FuzzFact]
    public void Random_markdown_never_crashes_the_build_and_never_ships_a_script()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + """
            -- content/index.md --
            ---
            title: Home
            description: D
            ---
            Home.
            -- content/a.md --
            ---
            title: A
            description: D
            ---
            -- themes/default/layouts/page.html --
            {{ page.content }}
            """);

        Body.Sample(body =>
        {
            site.Write("content/fuzz.md", "---\ntitle: Fuzz\ndescription: D\n---\n" + body);

            var result = SiteBuilder.Build(site.Options());

            Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.InternalError);
            Assert.All(result.Diagnostics.Where(d => d.Severity == Severity.Error), d => Assert.True(d.Span.File.EndsWith("fuzz.md", StringComparison.Ordinal) && d.Span.Line >= 5, DiagnosticFormatter.ToMsBuild(d)));
            if (result.Succeeded)
            {
                var html = site.ReadOutput("fuzz/index.html");
                // Closed comments are inert in browsers, so drop them as browsers end them before looking.
                Assert.False(Script().IsMatch(Comment().Replace(html, string.Empty)), $"A script reached the page:\n{html}");
            }
        }, time: FuzzFactAttribute.Seconds, threads: 1);
    }

    /// <summary>What would run a script in a browser: a script or embed element, an event attribute, a script URL.</summary>
    [GeneratedRegex(@"<(script|iframe|object|embed)\b|<[a-z][^>]*\son[a-z]+\s*=|<[a-z][^>]*\s(href|src|action)\s*=\s*[""']?\s*(javascript|vbscript):", RegexOptions.IgnoreCase)]
    private static partial Regex Script();

    [GeneratedRegex(@"<!--(?:>|->|[\s\S]*?--!?>)")]
    private static partial Regex Comment();
}
