namespace BackSiteGen.Scaffold;

/// <summary>The file <c>new</c> wrote, or why it wrote nothing (a message for the command line, not a diagnostic: no site file is wrong).</summary>
public sealed record ScaffoldResult(string? WrittenPath, string? DisplayPath, string? Refusal)
{
    /// <summary>True when the page was written as <c>draft: true</c> because nobody said it was reviewed.</summary>
    public bool Draft { get; init; }
}
