using BackSiteGen.Checks;
using BackSiteGen.Config;
using BackSiteGen.Diagnostics;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Hardening;

/// <summary>Command-line values that ended as exit 3 ("a bug in BackSiteGen") are diagnostics with exit 2.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("99999")]
    [InlineData("-1")]
    [InlineData("65536")]
    public void An_invalid_port_is_exit_2_with_a_message(string port)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = BackSiteGen.Cli.CliApp.Run(["serve", "--port", port], stdout, stderr);

        Assert.Equal(2, code);
        Assert.Contains($"--port {port} is not a port: use 1 to 65535, or 0 to pick a free one.", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_into_a_missing_folder_is_exit_2_before_the_build()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + "-- content/index.md --\n---\ntitle: Home\ndescription: D\n---\nHello.\n");
        using var stdout = new StringWriter();
        var report = Path.Combine(site.Root, "no-such-folder", "report.json");

        var code = BackSiteGen.Cli.CliApp.Run(["build", "--content", Path.Combine(site.Root, "content"), "--theme", Path.Combine(site.Root, site.ThemeDir), "--output", Path.Combine(site.Root, "output"), "--report", report], stdout, TextWriter.Null);

        Assert.Equal(2, code);
        Assert.Contains("--report: error BSG0011: The folder", stdout.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(site.Root, "output")));
    }

    [Fact]
    public void A_catastrophic_skip_pattern_runs_in_linear_time_instead_of_failing()
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Parse("external_links:\n  skip: ['(a+)+$']\n", "content/site.yml", diagnostics);
        var settings = LinkCheckSettings.From(config, "content/site.yml", diagnostics);

        Assert.Empty(diagnostics.ToSortedList());
        Assert.False(settings.IsSkipped("https://example.org/" + new string('a', 100_000) + "!"));
        Assert.True(settings.IsSkipped("https://example.org/aaaa"));
    }

    [Fact]
    public void A_skip_pattern_with_a_back_reference_is_a_located_error()
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Parse("external_links:\n  skip: ['(a)\\1']\n", "content/site.yml", diagnostics);
        LinkCheckSettings.From(config, "content/site.yml", diagnostics);

        Assert.Contains(diagnostics.ToSortedList(), d => d.Code == DiagnosticCodes.ConfigWrongType && d.Message.Contains("is not a regular expression", StringComparison.Ordinal));
    }
}
