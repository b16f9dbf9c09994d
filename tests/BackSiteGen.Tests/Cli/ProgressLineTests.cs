using BackSiteGen.Cli;
using BackSiteGen.Site;

namespace BackSiteGen.Tests.Cli;

public sealed class ProgressLineTests
{
    [Fact]
    public void Redirected_output_gets_plain_lines_once_the_build_is_slow()
    {
        using var output = new StringWriter();
        using (var progress = new ProgressLine(output, terminal: false))
        {
            progress.Report(new BuildProgress(1, 3));
            Thread.Sleep(1100);
            progress.Report(new BuildProgress(2, 3));
            progress.Report(new BuildProgress(3, 3));
        }

        Assert.Equal("rendered 2/3 pages\nrendered 3/3 pages\n", output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void A_terminal_gets_one_line_updated_in_place_and_cleared_at_the_end()
    {
        using var output = new StringWriter();
        using (var progress = new ProgressLine(output, terminal: true))
        {
            Thread.Sleep(1100);
            progress.Report(new BuildProgress(10, 10));
        }

        Assert.Equal("\rrendered 10/10 pages\r                    \r", output.ToString());
    }
}
