namespace BackSiteGen.Markdown.Glossary;

/// <summary>One term of <c>content/glossary.yml</c>.</summary>
/// <param name="Id">The fragment of the term's entry on the glossary page: "Basivertebral nerve" → <c>basivertebral-nerve</c>.</param>
/// <param name="Line">The line of the entry in glossary.yml, for notes about it.</param>
public sealed record GlossaryEntry(string Id, string Term, IReadOnlyList<string> Aliases, string Definition, int Line, int Column);
