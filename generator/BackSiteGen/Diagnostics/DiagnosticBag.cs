using System.Collections.Concurrent;

namespace BackSiteGen.Diagnostics;

/// <summary>Collects findings from parallel stages; user errors are collected, never thrown.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            _items.Enqueue(d);
        }
    }

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public bool IsEmpty => _items.IsEmpty;

    /// <summary>Sorted by file, line, column and code, so the same input always prints the same report.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList() =>
        _items
            .Distinct()
            .OrderBy(d => d.Span.File, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Line)
            .ThenBy(d => d.Span.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}
