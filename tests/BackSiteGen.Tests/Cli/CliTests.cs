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
    public void Timings_keep_their_numbers_under_the_headings_when_a_stage_name_is_long()
    {
        var stages = new[]
        {
            new BackSiteGen.Site.StageTime("fingerprint inputs (2,050 of 2,050 files read)", TimeSpan.FromMilliseconds(37)) { Allocated = 3_670_016 },
            new BackSiteGen.Site.StageTime("swap", TimeSpan.FromMilliseconds(1_009)) { Allocated = 638_582_784 },
        };

        var lines = BuildCommand.TimingsTable(stages, TimeSpan.FromMilliseconds(17)).TrimEnd('\n').Split('\n');

        Assert.Equal(4, lines.Length);
        var wallEnd = lines[0].IndexOf("wall ms", StringComparison.Ordinal) + "wall ms".Length;
        var allocEnd = lines[0].Length;
        Assert.Equal(allocEnd, lines[0].IndexOf("alloc MB", StringComparison.Ordinal) + "alloc MB".Length);
        Assert.Equal(["37", "3.5"], Columns(lines[1]));
        Assert.Equal(["1009", "609.0"], Columns(lines[2]));
        Assert.EndsWith(" 17", lines[3]);
        Assert.Equal(wallEnd, lines[3].Length);

        // Each number ends where its heading ends, so a long stage name does not shift its row.
        string[] Columns(string line)
        {
            Assert.Equal(allocEnd, line.Length);
            Assert.Equal(' ', line[wallEnd]);
            var wall = line[..wallEnd].Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
            return [wall, line[wallEnd..].Trim()];
        }
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
