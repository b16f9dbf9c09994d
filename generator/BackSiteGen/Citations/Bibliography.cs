namespace BackSiteGen.Citations;

/// <summary>Every source of the site, looked up by key. Built once per build, then read by every page's thread.</summary>
public sealed class Bibliography
{
    private readonly Dictionary<string, Reference> _byKey;

    public Bibliography(IReadOnlyList<Reference> references, string? displayPath)
    {
        References = references;
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

    public Reference? Find(string key) => _byKey.GetValueOrDefault(key);
}
