using System.Text;
using System.Text.RegularExpressions;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Hardening;

/// <summary>The corpus of broken sites: each builds a good site first, breaks it one way, and checks what the writer sees
/// through the real command line: the right file, line and column, exit code 1, no stack trace, and the previous
/// output kept byte for byte with no staging folder left behind.</summary>
public sealed class BrokenSiteTests
{
    private const string GoodSite = """
        -- content/site.yml --
        title: Corpus
        # The broken cases are about input errors; the review cycle has tests of its own.
        review: { enabled: false }
        -- content/index.md --
        ---
        title: Home
        description: Home page.
        ---
        Hello [a](a.md).
        -- content/a.md --
        ---
        title: A
        description: Page A.
        ---
        Body of A.
        -- themes/default/layouts/page.html --
        <html><body>{{ page.content }}</body></html>
        -- themes/default/partials/p.html --
        partial
        """;

    private const string Fm = "---\ntitle: T\ndescription: D\n";

    /// <summary>Name → (files written over the good site, what stdout must show).</summary>
    private static readonly Dictionary<string, (Action<SiteFixture> Break, string Expected)> Corpus = new(StringComparer.Ordinal)
    {
        ["front matter never closed"] = (Page("---\ntitle: T\ndescription: D\n\nBody"), @"content/bad\.md\(1,1\): error BSG0201: "),
        ["front matter not YAML"] = (Page("---\ntitle: [T\ndescription: D\n---\n"), @"content/bad\.md\(2,8\): error BSG0202: Invalid YAML: a '\[', '\{' or quote opened here is never closed"),
        ["front matter a list"] = (Page("---\n- a\n- b\n---\n"), @"content/bad\.md\(2,1\): error BSG0203: "),
        ["front matter a scalar"] = (Page("---\njust words\n---\n"), @"content/bad\.md\(2,1\): error BSG0203: "),
        ["date not a date"] = (Page(Fm + "date: soon\n---\n"), @"content/bad\.md\(4,7\): error BSG0206: 'date' must be a date"),
        ["list where text belongs"] = (Page("---\ntitle: [a, b]\ndescription: D\n---\n"), @"content/bad\.md\(2,8\): error BSG0206: 'title' must be text"),
        ["order too large"] = (Page(Fm + "order: 99999999999999999999999999\n---\n"), @"content/bad\.md\(4,8\): error BSG0206: 'order' must be a whole number"),
        ["duplicate key"] = (Page(Fm + "title: Again\n---\n"), @"content/bad\.md\(4,\d+\): error BSG0202: .*[Dd]uplicate"),
        ["binary tag"] = (Page(Fm + "author: !!binary aGVsbG8=\n---\n"), @"content/bad\.md\(4,9\): error BSG0202: The YAML tag"),
        ["ruby object tag"] = (Page(Fm + "medical: !ruby/object:Gem::Installer {a: 1}\n---\n"), @"content/bad\.md\(4,10\): error BSG0202: The YAML tag"),
        ["dotnet type tag"] = (Page(Fm + "medical: !System.IO.FileInfo {fileName: /etc/passwd}\n---\n"), @"content/bad\.md\(4,10\): error BSG0202: The YAML tag"),
        ["alias bomb"] = (Page(Fm + AliasBomb() + "---\n"), @"content/bad\.md\(\d+,\d+\): error BSG0202: The YAML expands to more than"),
        ["alias to itself"] = (Page(Fm + "medical: &a [*a]\n---\n"), @"content/bad\.md\(4,14\): error BSG0202: The alias '\*a'"),
        ["undefined alias"] = (Page(Fm + "author: *nobody\n---\n"), @"content/bad\.md\(4,9\): error BSG0202: The alias '\*nobody'"),
        ["YAML nested thousands deep"] = (Page(Fm + "medical: " + new string('[', 5000) + new string(']', 5000) + "\n---\n"), @"content/bad\.md\(4,\d+\): error BSG0202: The YAML is nested more than 64"),
        ["invalid UTF-8"] = (s => s.WriteBytes("content/bad.md", [.. Encoding.UTF8.GetBytes(Fm + "---\nCaf"), 0xC3, 0x28, (byte)'\n']), @"content/bad\.md\(5,4\): error BSG0207: .*byte offset 35"),
        ["empty file"] = (s => s.WriteBytes("content/bad.md", []), @"content/bad\.md\(1,1\): error BSG0208: "),
        ["unreadable file"] = (s => File.CreateSymbolicLink(Path.Combine(s.Root, "content", "bad.md"), "bsg-nowhere.md"), @"content/bad\.md: error BSG0003: Cannot read the file"),
        ["permalink leaves the site"] = (Page(Fm + "permalink: ../../../etc/\n---\n"), @"content/bad\.md\(4,1\): error BSG0210: "),
        ["link leaves the site"] = (Page(Fm + "---\nSee [this](../../../etc/passwd).\n"), @"content/bad\.md\(5,5\): error BSG0210: "),
        ["file name slugs to an empty path"] = (s => s.Write("content/ .md", Fm + "---\n"), @"content/ \.md\(1,1\): error BSG0210: .*not a plain path"),
        ["folder name slugs to .."] = (s => s.Write("content/ ../x.md", Fm + "---\n"), @"content/ \.\./x\.md\(1,1\): error BSG0210: .*not a plain path"),
        ["two pages one output"] = (s => s.Write("content/a/index.md", Fm + "---\n"), @"content/a/index\.md\(1,1\): error BSG0209: "),
        ["page and static file one output"] = (s => s.Write("content/a/index.html", "<p>static</p>"), @"content/a/index\.html: error BSG0209: "),
        ["layout syntax error"] = (Theme("layouts/page.html", "<p>\n{{ if }}\n"), @"themes/default/layouts/page\.html\(2,\d+\): error BSG0401: "),
        ["partial syntax error"] = (Theme("partials/p.html", "ok\n{{ for x in }}\n"), @"themes/default/partials/p\.html\(2,\d+\): error BSG0401: "),
        ["undefined function"] = (Theme("layouts/page.html", "<p>\n{{ no_such_function 1 }}\n"), @"themes/default/layouts/page\.html\(2,4\): error BSG0402: The function `no_such_function` was not found"),
        ["division by zero in a partial"] = (Layout("{{ include 'partials/p.html' }}", "ok\n{{ 1 // 0 }}\n"), @"themes/default/partials/p\.html\(2,\d+\): error BSG0402: Attempted to divide by zero"),
        ["endless loop"] = (Theme("layouts/page.html", "<p>\n{{ while true }}{{ end }}\n"), @"themes/default/layouts/page\.html\(2,\d+\): error BSG0402: Exceeding number of iteration limit"),
        ["endless recursion"] = (Theme("layouts/page.html", "<p>\n{{ func f; ret f; end; f }}\n"), @"themes/default/layouts/page\.html\(2,\d+\): error BSG0402: Exceeding number of recursive depth limit"),
        ["include an absolute path"] = (Theme("layouts/page.html", "{{ include '/etc/passwd' }}"), @"themes/default/layouts/page\.html\(1,\d+\): error BSG0402: The include '/etc/passwd' is outside the theme folder"),
        ["include climbing out of the theme"] = (Theme("layouts/page.html", "{{ include '../../../etc/passwd' }}"), @"themes/default/layouts/page\.html\(1,\d+\): error BSG0402: The include '\.\./\.\./\.\./etc/passwd' is outside the theme folder"),
        ["missing layout"] = (Page(Fm + "layout: nope\n---\n"), @"content/bad\.md\(4,1\): error BSG0403: The layout 'nope' does not exist"),
        ["site.yml not YAML"] = (s => s.Write("content/site.yml", "title: [Corpus\n"), @"content/site\.yml\(\d+,\d+\): error BSG0101: Invalid YAML"),
        ["site.yml a list"] = (s => s.Write("content/site.yml", "- title\n"), @"content/site\.yml\(1,1\): error BSG0101: site\.yml must be a mapping"),
        ["site.yml with a tag"] = (s => s.Write("content/site.yml", "title: !!python/object:os.system ls\n"), @"content/site\.yml\(1,8\): error BSG0101: The YAML tag"),
        ["site.yml wrong type"] = (s => s.Write("content/site.yml", "base_url: [a]\n"), @"content/site\.yml\(1,11\): error BSG0103: "),
        ["block quotes thousands deep"] = (Page(Fm + "---\nIntro.\n\n" + new string('>', 5000) + " deep\n"), @"content/bad\.md\(7,1\): error BSG0301: "),
        ["lists thousands deep"] = (Page(Fm + "---\n" + DeepList(3000)), @"content/bad\.md\(\d+,1\): error BSG0301: "),
        ["brackets thousands deep"] = (Page(Fm + "---\n" + new string('[', 20000) + "x" + string.Concat(Enumerable.Repeat("](u)", 20000)) + "\n"), @"content/bad\.md\(5,1\): error BSG0301: "),
        ["script in content"] = (Page(Fm + "---\nText.\n\n<script>alert(1)</script>\n"), @"content/bad\.md\(7,1\): error BSG0302: "),
        ["script hidden in a broken tag (fuzz finding)"] = (Page(Fm + "---\n</div><scr<script>ipt>\n"), @"content/bad\.md\(5,11\): error BSG0302: "),
        ["script after an abruptly closed comment"] = (Page(Fm + "---\n<!--><script>alert(1)</script>\n"), @"content/bad\.md\(5,6\): error BSG0302: "),
        ["script in an unclosed comment (fuzz finding)"] = (Page(Fm + "---\n<!--<script>\n"), @"content/bad\.md\(5,5\): error BSG0302: "),
        ["event attribute after a '<' inside a tag (fuzz finding)"] = (Page(Fm + "---\n<p\n<!-- onerror=alert(1)>\n"), @"content/bad\.md\(6,6\): error BSG0304: "),
        ["script after a '<' inside an attribute name (fuzz finding)"] = (Page(Fm + "---\n<p\n]<SCRIPT>\n"), @"content/bad\.md\(6,2\): error BSG0302: "),
        ["javascript URL behind &colon;"] = (Page(Fm + "---\n<a href=\"javascript&colon;alert(1)\">x</a>\n"), @"content/bad\.md\(5,4\): error BSG0305: "),
        ["javascript URL behind a reference without ';'"] = (Page(Fm + "---\n<a href=\"&#106avascript:alert(1)\">x</a>\n"), @"content/bad\.md\(5,4\): error BSG0305: "),
        ["javascript URL split by &Tab;"] = (Page(Fm + "---\n<a href=\"java&Tab;script:alert(1)\">x</a>\n"), @"content/bad\.md\(5,4\): error BSG0305: "),
        ["javascript URL after a comment opened inside a tag (fuzz finding)"] = (Page(Fm + "---\n<p\n<!--<b x>hidden? <a href=\"javascript:x\">y</a> -->\n"), @"content/bad\.md\(6,21\): error BSG0305: "),
        ["iframe in content"] = (Page(Fm + "---\n<div>\n  <iframe src=\"https://example.org/\"></iframe>\n</div>\n"), @"content/bad\.md\(6,3\): error BSG0303: "),
        ["event attribute inline"] = (Page(Fm + "---\nClick <a href=\"#\" onclick=\"steal()\">here</a>.\n"), @"content/bad\.md\(5,19\): error BSG0304: "),
        ["event attribute on a block quote's next line"] = (Page(Fm + "---\n> <div\n> onclick=\"x()\">hi</div>\n"), @"content/bad\.md\(6,3\): error BSG0304: "),
        ["event attribute on a list item's next line"] = (Page(Fm + "---\n- <p\n  onmouseover=y>\n"), @"content/bad\.md\(6,3\): error BSG0304: "),
        ["event attribute in an inline tag across lines"] = (Page(Fm + "---\n> Text <b\n> onclick=x>bold</b>\n"), @"content/bad\.md\(6,\d+\): error BSG0304: "),
        ["javascript URL in HTML"] = (Page(Fm + "---\n<p><a href=\"&#106;avascript:alert(1)\">x</a></p>\n"), @"content/bad\.md\(5,7\): error BSG0305: "),
        ["javascript URL in a Markdown link"] = (Page(Fm + "---\nSee [x](javascript:alert(1)).\n"), @"content/bad\.md\(5,5\): error BSG0305: "),
        ["javascript URL in an autolink"] = (Page(Fm + "---\nSee <javascript:alert(1)>.\n"), @"content/bad\.md\(5,5\): error BSG0305: "),
        ["javascript URL in a reference link"] = (Page(Fm + "---\nSee [x][r].\n\n[r]: JavaScript:alert(1)\n"), @"content/bad\.md\(5,5\): error BSG0305: "),
    };

    public static TheoryData<string> Cases() => [.. Corpus.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_broken_site_fails_with_a_located_diagnostic_and_keeps_the_previous_output(string name)
    {
        using var site = SiteFixture.Create(GoodSite);
        var good = CliRun.Build(site);
        Assert.True(good.Code == 0, good.All);
        var before = site.Snapshot();

        Corpus[name].Break(site);
        var run = CliRun.Build(site);

        Assert.True(run.Code == 1, $"exit code {run.Code}:\n{run.All}");
        Assert.Matches(new Regex(Corpus[name].Expected, RegexOptions.Multiline), run.Out);
        Assert.False(run.HasStackTrace, run.All);
        Assert.Equal(before, site.Snapshot());
        Assert.Empty(Directory.GetFileSystemEntries(site.Root, ".backsitegen-*"));
    }

    private static Action<SiteFixture> Page(string text) => s => s.Write("content/bad.md", text);

    private static Action<SiteFixture> Theme(string path, string text) => s => s.Write("themes/default/" + path, text);

    private static Action<SiteFixture> Layout(string layout, string partial) => s =>
    {
        s.Write("themes/default/layouts/page.html", layout);
        s.Write("themes/default/partials/p.html", partial);
    };

    /// <summary>Nine levels of nine aliases each: a few lines that expand to 387 million values.</summary>
    private static string AliasBomb()
    {
        var sb = new StringBuilder("medical:\n  l0: &l0 [x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 9; i++)
        {
            sb.Append($"  l{i}: &l{i} [").AppendJoin(", ", Enumerable.Repeat($"*l{i - 1}", 9)).Append("]\n");
        }

        return sb.ToString();
    }

    private static string DeepList(int levels)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < levels; i++)
        {
            sb.Append(' ', 2 * i).Append("- item\n");
        }

        return sb.ToString();
    }
}
