using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BackSiteGen.Markdown.Glossary;

/// <summary>Links the first use of each glossary term (or alias) on a page to its entry, after parsing.</summary>
/// <remarks>Whole words, case-insensitive, within one run of text. Never inside headings (a heading is a label, and
/// a link there would change how it reads in the outline), links, code, raw HTML, or on the glossary page itself.</remarks>
internal static class GlossaryLinker
{
    /// <summary>Rewrites <paramref name="document"/> in place and returns the ids of the terms it linked.</summary>
    public static IReadOnlyList<string> Link(MarkdownDocument document, Glossary glossary, string pageSource)
    {
        if (glossary.Matcher is not { } matcher || glossary.PageUrl is not { } pageUrl || pageSource == glossary.PageSource)
        {
            return [];
        }

        var literals = new List<LiteralInline>();
        CollectBlocks(document, literals);
        var used = new List<string>();
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var literal in literals)
        {
            var text = literal.Content.ToString();
            var offset = 0;
            foreach (var match in matcher.EnumerateMatches(text))
            {
                var entry = glossary.EntryFor(text.Substring(match.Index, match.Length));
                if (!usedIds.Add(entry.Id))
                {
                    continue;
                }

                used.Add(entry.Id);
                if (match.Index > offset)
                {
                    literal.InsertBefore(new LiteralInline(text[offset..match.Index]));
                }

                var term = new GlossaryTermInline(entry, pageUrl + "#" + entry.Id) { Line = literal.Line, Column = literal.Column };
                term.AppendChild(new LiteralInline(text.Substring(match.Index, match.Length)));
                literal.InsertBefore(term);
                offset = match.Index + match.Length;
            }

            if (offset > 0)
            {
                if (offset == text.Length)
                {
                    literal.Remove();
                }
                else
                {
                    literal.Content = new StringSlice(text[offset..]);
                }
            }
        }

        return used;
    }

    private static void CollectBlocks(ContainerBlock container, List<LiteralInline> literals)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case HeadingBlock or CodeBlock or HtmlBlock:
                    break;
                case LeafBlock { Inline: { } inline }:
                    CollectInlines(inline, literals);
                    break;
                case ContainerBlock child:
                    CollectBlocks(child, literals);
                    break;
            }
        }
    }

    private static void CollectInlines(ContainerInline container, List<LiteralInline> literals)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    literals.Add(literal);
                    break;
                case LinkInline or GlossaryTermInline:
                    break;
                case ContainerInline child:
                    CollectInlines(child, literals);
                    break;
            }
        }
    }
}
