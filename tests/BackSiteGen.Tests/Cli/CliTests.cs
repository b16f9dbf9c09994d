using System.Text.RegularExpressions;
using BackSiteGen.Cli;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Cli;

public sealed class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void A_bad_command_line_exits_with_2()
    {
        var (code, _, err) = Run("build", "--no-such-option");

        Assert.Equal(2, code);
        Assert.Contains("--no-such-option", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_good_build_exits_with_0_and_prints_a_summary()
    {
        using var site = SiteFixture.Create("-- content/site.yml --\n" + SiteFixture.TrustData + "-- content/index.md --\n---\ntitle: Home\ndescription: H\nlast_reviewed: 2026-11-20\nnext_review: 2028-11-20\n---\nHello.\n");

        var (code, output, _) = Run("build", "--content", Path.Combine(site.Root, "content"), "--theme", site.ThemeDir, "--output", Path.Combine(site.Root, "output"));

        Assert.Equal(0, code);
        Assert.Matches(@"(?m)^1 pages, \d+ files, 0 warnings, 0 errors in \d+\.\d\d s: built into ", output.Trim());
        Assert.Matches(@"(?m)^URL +Words +Grade", output);
    }

    [Fact]
    public void Timings_name_each_stage_and_the_collector_work()
    {
        using var site = SiteFixture.Create("-- content/site.yml --\n" + SiteFixture.TrustData + "-- content/index.md --\n---\ntitle: Home\ndescription: H\nlast_reviewed: 2026-11-20\nnext_review: 2028-11-20\n---\nHello.\n");

        var (code, output, _) = Run("build", "--timings", "--content", Path.Combine(site.Root, "content"), "--theme", site.ThemeDir, "--output", Path.Combine(site.Root, "output"));

        Assert.Equal(0, code);
        foreach (var stage in new[] { "read pages", "render, write, extract links", "resolve links", "swap" })
        {
            // The stage, perhaps a note in brackets (how many pages came from their files), its wall milliseconds and its allocated megabytes.
            Assert.Matches($@"(?m)^{Regex.Escape(stage)}( \([^)\n]*\))? +\d+ +\d+\.\d$", output);
        }

        Assert.Matches(@"(?m)^allocated \d+ MB, collections \d+/\d+/\d+ \(gen0/1/2\), paused \d+ ms", output);
    }

    [Fact]
    public void Content_errors_exit_with_1_in_msbuild_format_without_a_stack_trace()
    {
        using var site = SiteFixture.Create("-- content/index.md --\n---\ntitle: Home\n---\n");

        var (code, output, err) = Run("build", "--content", Path.Combine(site.Root, "content"), "--theme", site.ThemeDir, "--output", Path.Combine(site.Root, "output"));

        Assert.Equal(1, code);
        Assert.Matches(@"index\.md\(1,1\): error BSG0204: The front matter has no 'description'\.", output);
        Assert.DoesNotContain("   at ", output + err, StringComparison.Ordinal);
    }
}
