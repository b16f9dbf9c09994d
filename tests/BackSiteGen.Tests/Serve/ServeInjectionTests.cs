using System.Text;
using BackSiteGen.Diagnostics;
using BackSiteGen.Serve;

namespace BackSiteGen.Tests.Serve;

public sealed class ServeInjectionTests
{
    private static readonly byte[] Page = Encoding.UTF8.GetBytes("<!doctype html><html><body><main>Hi</main></body></html>\n");

    [Fact]
    public void The_overlay_escapes_what_writers_typed()
    {
        var problems = new[] { Diagnostic.Error("BSG0204", new SourceSpan("content/<a>.md", 3, 1), "'title' is <script>alert(1)</script> & more.") };

        var html = Encoding.UTF8.GetString(ServeInjection.Inject(Page, new ServedSite(new Dictionary<string, byte[]>(), problems, "/", 7)));

        Assert.Contains("content/&lt;a&gt;.md(3,1)", html, StringComparison.Ordinal);
        Assert.Contains("error BSG0204: &#39;title&#39; is &lt;script&gt;alert(1)&lt;/script&gt; &amp; more.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.EndsWith("defer></script>\n</body></html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_problems_only_the_reload_script_is_added_before_the_body_ends()
    {
        var html = Encoding.UTF8.GetString(ServeInjection.Inject(Page, new ServedSite(new Dictionary<string, byte[]>(), [], "/", 7)));

        Assert.Equal("<!doctype html><html><body><main>Hi</main><script src=\"/__backsitegen/reload.js\" data-version=\"7\" defer></script>\n</body></html>\n", html);
    }
}
