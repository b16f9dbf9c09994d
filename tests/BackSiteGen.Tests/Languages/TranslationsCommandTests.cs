using BackSiteGen.Cli;
using BackSiteGen.Tests.Infrastructure;
using BackSiteGen.Trust;

namespace BackSiteGen.Tests.Languages;

/// <summary><c>backsitegen translations</c> tells a translator which pages to refresh and what to record.</summary>
public sealed class TranslationsCommandTests
{
    [Fact]
    public void Lists_each_pair_with_its_status_and_the_fingerprint_to_record()
    {
        using var site = BilingualSite.Create();
        var source = Path.Combine(site.Root, "content/exercises/cat-cow.md");
        var old = TranslationFingerprint.Of(File.ReadAllText(source));
        File.WriteAllText(source, File.ReadAllText(source).Replace("Kneel down.", "Kneel down slowly.", StringComparison.Ordinal));
        var now = TranslationFingerprint.Of(File.ReadAllText(source));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(["translations", "--content", Path.Combine(site.Root, "content"), "--theme", Path.Combine(site.Root, site.ThemeDir)], stdout, stderr);
        Assert.Equal(0, code);
        var lines = stdout.ToString().Split('\n');
        Assert.Contains(lines, l => l.StartsWith($"stale       es    {now}  {old}  ", StringComparison.Ordinal) && l.EndsWith("content/exercises/cat-cow.md (2026-11-20) -> " + Path.Combine(site.Root, "content/es/exercises/cat-cow.md").Replace('\\', '/'), StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("missing     es    ", StringComparison.Ordinal) && l.Contains("content/about.md", StringComparison.Ordinal));
        Assert.Contains("4 fresh, 1 stale, 0 unrecorded, 1 missing.", stdout.ToString(), StringComparison.Ordinal);
    }
}
