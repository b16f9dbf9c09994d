using Markdig.Syntax;

namespace BackSiteGen.Markdown.Citations;

/// <summary>Numbers a page's sources in order of first citation (AMA/Vancouver): a repeated source keeps its number.</summary>
internal static class CitationNumbering
{
    /// <summary>Runs once per parsed document (Markdig's DocumentProcessed), so numbers restart on every page and
    /// no state is shared between pages rendered in parallel.</summary>
    public static void Number(MarkdownDocument document)
    {
        Dictionary<string, int>? numbers = null;
        foreach (var group in document.Descendants<CitationGroup>())
        {
            numbers ??= new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var citation in group.Citations)
            {
                if (!numbers.TryGetValue(citation.Key, out var number))
                {
                    number = numbers.Count + 1;
                    numbers[citation.Key] = number;
                    citation.IsFirst = true;
                }

                citation.Number = number;
            }
        }
    }
}
