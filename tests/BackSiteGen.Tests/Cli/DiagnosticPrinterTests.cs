using BackSiteGen.Cli;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Tests.Cli;

public sealed class DiagnosticPrinterTests
{
    private static readonly Diagnostic[] Findings =
    [
        Diagnostic.Error("BSG0204", new SourceSpan("content/a.md", 3, 1), "The front matter has no 'description'."),
        Diagnostic.Warning("BSG0205", new SourceSpan("content/b.md", 4, 2), "Unknown key 'titel', 50% sure: typo."),
    ];

    [Fact]
    public void In_GitHub_Actions_each_finding_is_also_a_workflow_command_on_its_line()
    {
        using var output = new StringWriter();

        DiagnosticPrinter.Print(Findings, output, github: true);

        Assert.Equal(
            [
                "content/a.md(3,1): error BSG0204: The front matter has no 'description'.",
                "::error file=content/a.md,line=3,col=1,title=BSG0204::The front matter has no 'description'.",
                "content/b.md(4,2): warning BSG0205: Unknown key 'titel', 50% sure: typo.",
                "::warning file=content/b.md,line=4,col=2,title=BSG0205::Unknown key 'titel', 50%25 sure: typo.",
            ],
            output.ToString().TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Elsewhere_only_the_msbuild_lines_are_printed()
    {
        using var output = new StringWriter();

        DiagnosticPrinter.Print(Findings, output, github: false);

        Assert.DoesNotContain("::", output.ToString(), StringComparison.Ordinal);
    }
}
