using System.Text;
using System.Text.RegularExpressions;
using BackSiteGen.Diagnostics;
using BackSiteGen.Serve;
using BackSiteGen.Site;
using BackSiteGen.Tests.Golden;
using BackSiteGen.Tests.Infrastructure;
using BackSiteGen.Trust;

namespace BackSiteGen.Tests.Languages;

/// <summary><c>serve</c> on the bilingual fixture: a Spanish page's edit is picked up as an English one is, an edit of an
/// English page's text makes its translation stale at once, and every answer equals what <c>build</c> writes.</summary>
public sealed partial class BilingualServeTests
{
    [Fact]
    public async Task Serve_equals_build_after_editing_a_Spanish_page_and_its_English_source()
    {
        using var site = BilingualSite.Create();
        var options = site.Options();
        await using var server = await SiteServer.StartAsync(options, new ServeOptions("127.0.0.1", 0), _ => { });
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        await AssertServeEqualsBuild(site, server, http, "at start");

        var before = server.Session.Current.Version;
        Edit(site, "content/es/exercises/cat-cow.md", "Arquee la espalda.", "Arquee la espalda despacio.");
        await Settled(server, before);
        await AssertServeEqualsBuild(site, server, http, "after editing a Spanish page");
        Assert.Contains("Arquee la espalda despacio.", Encoding.UTF8.GetString(server.Session.Current.Files["es/exercises/handout/index.html"]), StringComparison.Ordinal);

        // The Spanish glossary and the theme's Spanish words reach every Spanish page.
        before = server.Session.Current.Version;
        Edit(site, "content/es/glossary.yml", "Una almohadilla blanda", "Una almohadilla muy blanda");
        await Settled(server, before);
        await AssertServeEqualsBuild(site, server, http, "after editing the Spanish glossary");
        Assert.Contains("Una almohadilla muy blanda", Encoding.UTF8.GetString(server.Session.Current.Files["es/index.html"]), StringComparison.Ordinal);

        // Only the English page's text changes (its front matter stays), so serve renders that page alone; the freshness
        // check runs over every translation all the same.
        before = server.Session.Current.Version;
        var old = TranslationFingerprint.Of(File.ReadAllText(Path.Combine(site.Root, "content/exercises/cat-cow.md")));
        Edit(site, "content/exercises/cat-cow.md", "Kneel down.", "Kneel down slowly.");
        await Settled(server, before);
        var build = site.Build();
        Assert.Equal(build.Diagnostics.Where(d => d.Severity is Severity.Warning or Severity.Error).Select(DiagnosticFormatter.ToMsBuild), server.Session.Current.Problems.Select(DiagnosticFormatter.ToMsBuild));
        var stale = Assert.Single(server.Session.Current.Problems);
        Assert.Equal(("content/es/exercises/cat-cow.md", 9, DiagnosticCodes.TranslationStale), (stale.Span.File, stale.Span.Line, stale.Code));

        // The translator checks the page and records the new fingerprint: the warning goes, and serve equals build again.
        before = server.Session.Current.Version;
        var now = TranslationFingerprint.Of(File.ReadAllText(Path.Combine(site.Root, "content/exercises/cat-cow.md")));
        Edit(site, "content/es/exercises/cat-cow.md", "translated_from: " + old, "translated_from: " + now);
        await Settled(server, before);
        await AssertServeEqualsBuild(site, server, http, "after refreshing the translation");
        Assert.Empty(server.Session.Current.Problems);
    }

    private static void Edit(SiteFixture site, string relative, string from, string to)
    {
        var path = Path.Combine(site.Root, relative);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static async Task AssertServeEqualsBuild(SiteFixture site, SiteServer server, HttpClient http, string when)
    {
        var output = "built-" + Guid.NewGuid().ToString("N")[..8];
        var build = SiteBuilder.Build(site.Options(output: output));
        Assert.True(build.Succeeded, $"The build {when} failed:\n" + string.Join('\n', build.Lines()));
        var root = Path.Combine(site.Root, output);
        var built = Microsite.FilesBelow(root);
        var served = server.Session.Current.Files.Keys.Order(StringComparer.Ordinal).ToList();
        Assert.True(built.SequenceEqual(served), $"{when}: serve has [{string.Join(", ", served.Except(built))}] that build has not, and lacks [{string.Join(", ", built.Except(served))}].");
        Assert.Equal(build.Diagnostics.Where(d => d.Severity is Severity.Warning or Severity.Error).Select(DiagnosticFormatter.ToMsBuild), server.Session.Current.Problems.Select(DiagnosticFormatter.ToMsBuild));
        foreach (var file in built)
        {
            var url = file.EndsWith("index.html", StringComparison.Ordinal) ? file[..^"index.html".Length] : file;
            var answer = await http.GetByteArrayAsync(new Uri(url, UriKind.Relative));
            var got = file.EndsWith(".html", StringComparison.Ordinal) ? Encoding.UTF8.GetBytes(ReloadScript().Replace(Encoding.UTF8.GetString(answer), string.Empty, 1)) : answer;
            Assert.True(File.ReadAllBytes(Path.Combine(root, file)).AsSpan().SequenceEqual(got), $"{when}: /{url} as served differs from {file} as built.");
        }

        Directory.Delete(root, recursive: true);
    }

    private static async Task Settled(SiteServer server, long before)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (server.Session.Current.Version == before)
        {
            Assert.True(DateTime.UtcNow < deadline, "serve never rebuilt after the edit.");
            await Task.Delay(20);
        }

        var seen = server.Session.Current.Version;
        while (true)
        {
            await Task.Delay(400);
            var now = server.Session.Current.Version;
            if (now == seen)
            {
                return;
            }

            seen = now;
        }
    }

    [GeneratedRegex(@"<script src=""/__backsitegen/reload\.js"" data-version=""\d+"" defer></script>\n")]
    private static partial Regex ReloadScript();
}
