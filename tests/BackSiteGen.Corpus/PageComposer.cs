using System.Text;

namespace BackSiteGen.Corpus;

/// <summary>
/// Writes one file of the corpus in one dialect. Every random choice is made before or
/// independently of the dialect, so the two copies of a page differ only in links, citations
/// and front matter.
/// </summary>
internal sealed class PageComposer(SiteShape shape, IMarkupDialect dialect)
{
    public string Page(int number)
    {
        var outline = shape.OutlineOf(number);
        var here = Location.PageIn(shape, number);
        var rng = new Rng(shape.Seed, number, purpose: 2);
        var prose = new Prose(rng);
        var plan = PagePlan.Create(rng, shape, number, outline.Headings);
        var cited = new SortedSet<Reference>(Comparer<Reference>.Create((a, b) => a.Number.CompareTo(b.Number)));

        var text = new StringBuilder(8 * 1024);
        text.Append(dialect.FrontMatter(new FrontMatter(outline.Title, outline.Description, shape.PositionOf(number))));
        var paragraph = 0;
        WriteParagraph(paragraph++);
        for (var h = 0; h < outline.Headings.Count; h++)
        {
            var heading = outline.Headings[h];
            text.Append(heading.Level == 2 ? "## " : "### ").Append(heading.Text).Append("\n\n");
            for (var p = 0; p < plan.ParagraphsUnder[h]; p++)
            {
                WriteParagraph(paragraph++);
            }
            WriteBlock(h);
        }
        text.Append(dialect.ReferenceList(cited));
        return text.ToString();

        void WriteParagraph(int index)
        {
            string? citation = null;
            if (plan.Citations.TryGetValue(index, out var references))
            {
                cited.UnionWith(references);
                citation = dialect.Citation(references);
            }
            var link = plan.Links.TryGetValue(index, out var target) ? LinkSentence(rng, here, target) : null;
            prose.Paragraph(text, rng.Between(5, 6), citation, link);
        }

        void WriteBlock(int headingIndex)
        {
            if (headingIndex == plan.BulletListAfter)
            {
                prose.BulletList(text);
            }
            else if (headingIndex == plan.NumberedListAfter)
            {
                prose.NumberedList(text);
            }
            else if (headingIndex == plan.TableAfter)
            {
                prose.Table(text);
            }
        }
    }

    /// <summary>A section's overview: a short introduction and a link to each of its pages.</summary>
    public string Overview(int section)
    {
        var rng = new Rng(shape.Seed, section, purpose: 3);
        var prose = new Prose(rng);
        var here = Location.Overview(section);
        var first = shape.FirstPageOf(section);
        var last = shape.LastPageOf(section);
        var text = new StringBuilder(16 * 1024);
        text.Append(dialect.FrontMatter(new FrontMatter(
            $"Section {shape.SectionLabel(section)}",
            $"Overview of pages {shape.PageLabel(first)} to {shape.PageLabel(last)}.",
            section)));
        prose.Paragraph(text, 3);
        text.Append("## Pages in this section\n\n");
        for (var page = first; page <= last; page++)
        {
            var href = dialect.Href(here, Location.PageIn(shape, page), anchor: null);
            text.Append("- [").Append(shape.OutlineOf(page).Title).Append("](").Append(href).Append(")\n");
        }
        text.Append("\n## How to use these pages\n\n");
        prose.Paragraph(text, 4);
        return text.ToString();
    }

    /// <summary>The home page links each section and cites every reference, so none goes uncited.</summary>
    public string Home()
    {
        var prose = new Prose(new Rng(shape.Seed, 0, purpose: 4));
        var text = new StringBuilder(16 * 1024);
        text.Append(dialect.FrontMatter(new FrontMatter("Corpus", "A synthetic site for measuring build speed.", 1)));
        prose.Paragraph(text, 3, dialect.Citation(ReferenceLibrary.All));
        text.Append("## Sections\n\n");
        for (var section = 1; section <= shape.SectionCount; section++)
        {
            var href = dialect.Href(Location.Home, Location.Overview(section), anchor: null);
            text.Append("- [Section ").Append(shape.SectionLabel(section)).Append("](").Append(href).Append(")\n");
        }
        text.Append('\n').Append(dialect.ReferenceList([.. ReferenceLibrary.All]));
        return text.ToString();
    }

    private string LinkSentence(Rng rng, Location here, LinkTarget target)
    {
        string label;
        if (target.Page == 0)
        {
            label = $"the overview of section {shape.SectionLabel(here.Section)}";
        }
        else
        {
            var outline = shape.OutlineOf(target.Page);
            label = target.Anchor is null ? outline.Title : $"{outline.Title}: {LowerFirst(target.HeadingText!)}";
        }
        var to = target.Page == 0 ? Location.Overview(here.Section) : Location.PageIn(shape, target.Page);
        var link = $"[{label}]({dialect.Href(here, to, target.Anchor)})";
        return rng.Next(3) switch
        {
            0 => $"Read {link} to learn more.",
            1 => $"See {link} for more help.",
            _ => $"There is more in {link}.",
        };
    }

    private static string LowerFirst(string text) => char.ToLowerInvariant(text[0]) + text[1..];
}
