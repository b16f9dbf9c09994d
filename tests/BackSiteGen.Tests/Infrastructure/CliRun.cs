using BackSiteGen.Cli;

namespace BackSiteGen.Tests.Infrastructure;

/// <summary>What a writer sees when running <c>backsitegen build</c> on a fixture: exit code, stdout and stderr.</summary>
internal sealed record CliRun(int Code, string Out, string Err)
{
    public string All => Out + Err;

    /// <summary>True when anything printed looks like a .NET stack trace or exception dump.</summary>
    public bool HasStackTrace => All.Contains("   at ", StringComparison.Ordinal) || All.Contains("Exception:", StringComparison.Ordinal) || All.Contains("internal error", StringComparison.Ordinal);

    public static CliRun Build(SiteFixture site, string output = "output")
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(
            ["build", "--content", Path.Combine(site.Root, "content"), "--theme", Path.Combine(site.Root, site.ThemeDir), "--output", Path.Combine(site.Root, output)],
            stdout,
            stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
