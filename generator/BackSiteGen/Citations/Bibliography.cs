using BackSiteGen.Diagnostics;

namespace BackSiteGen.Citations;

/// <summary>Every source of the site, looked up by key. Built once per build, then read by every page's thread.</summary>
public sealed class Bibliography
{
    private readonly Dictionary<string, Reference> _byKey;

    public Bibliography(IReadOnlyList<Reference> references, string? displayPath, IReadOnlyList<EntryProblem>? entryProblems = null)
    {
        References = references;
        EntryProblems = entryProblems ?? [];
        DisplayPath = displayPath;
        _byKey = new Dictionary<string, Reference>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            // The loader already reported duplicates; the first one wins, as in pandoc.
            _byKey.TryAdd(reference.Id, reference);
        }
    }

    public static Bibliography Empty { get; } = new([], null);

    /// <summary>The sources in the order the file lists them.</summary>
    public IReadOnlyList<Reference> References { get; }

    /// <summary>The file the sources came from, as writers see it; null when the site has none.</summary>
    public string? DisplayPath { get; }

    public IEnumerable<string> Keys => _byKey.Keys;

    /// <summary>Problems of single entries, reported by <see cref="ReportEntryProblems"/> once the citations are known.</summary>
    public IReadOnlyList<EntryProblem> EntryProblems { get; }

    /// <summary>Each entry problem as an error when a page cites the entry, else as a warning that says so.</summary>
    public void ReportEntryProblems(IReadOnlySet<string> cited, DiagnosticBag diagnostics)
    {
        foreach (var (key, problem) in EntryProblems)
        {
            diagnostics.Add(key is not null && cited.Contains(key)
                ? problem
                : problem with { Severity = Severity.Warning, Message = problem.Message + (key is null ? " (No page can cite it.)" : $" (No page cites '{key}', so this is a warning.)") });
        }
    }

    public Reference? Find(string key) => _byKey.GetValueOrDefault(key);
}
