namespace BackSiteGen.Corpus;

/// <summary>
/// The parts of a page other pages depend on: its title and its headings (link targets).
/// Recomputed from the page number on demand instead of held for the whole site, so the
/// generator's memory does not grow with the corpus.
/// </summary>
internal sealed record PageOutline(int Number, string Title, string Description, IReadOnlyList<Heading> Headings)
{
    public static PageOutline Create(SiteShape shape, int number)
    {
        var rng = new Rng(shape.Seed, number, purpose: 1);
        var topic = rng.Pick(Words.Topics);
        var title = $"{topic}, part {shape.PageLabel(number)}";
        var description = $"Plain help on {topic.ToLowerInvariant()}: what to do, what to avoid and when to get care.";
        return new PageOutline(number, title, description, CreateHeadings(rng));
    }

    /// <summary>Six sections (h2) each followed by one or two subsections (h3), all texts distinct.</summary>
    private static Heading[] CreateHeadings(Rng rng)
    {
        var sections = rng.PickDistinct(Words.SectionHeadings, 6);
        var subsections = new Queue<string>(rng.PickDistinct(Words.SubsectionHeadings, 2 * sections.Length));
        var headings = new List<Heading>();
        foreach (var section in sections)
        {
            headings.Add(new Heading(2, section));
            var count = rng.Between(1, 2);
            for (var i = 0; i < count; i++)
            {
                headings.Add(new Heading(3, subsections.Dequeue()));
            }
        }
        return [.. headings];
    }
}
