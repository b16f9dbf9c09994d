namespace BackSiteGen.Corpus;

/// <summary>Where a linked page lives; <see cref="Page"/> 0 means the section's own overview.</summary>
internal sealed record LinkTarget(int Page, string? Anchor, string? HeadingText);

/// <summary>
/// The layout of a page's body, chosen up front: how many paragraphs go under each heading,
/// which paragraphs carry a citation or a link, and where the lists and the table go.
/// </summary>
internal sealed record PagePlan(
    int[] ParagraphsUnder,
    IReadOnlyDictionary<int, Reference[]> Citations,
    IReadOnlyDictionary<int, LinkTarget> Links,
    int BulletListAfter,
    int NumberedListAfter,
    int TableAfter)
{
    public static PagePlan Create(Rng rng, SiteShape shape, int page, IReadOnlyList<Heading> headings)
    {
        // One paragraph under a section heading and one or two under a subsection keeps pages
        // close to the 6-7 KB the figures were measured on.
        var paragraphsUnder = headings.Select(h => h.Level == 2 ? 1 : rng.Between(1, 2)).ToArray();
        var paragraphCount = 1 + paragraphsUnder.Sum();
        var sectionIndexes = Enumerable.Range(0, headings.Count).Where(i => headings[i].Level == 2).ToArray();
        var blocks = rng.PickDistinct(sectionIndexes, 3);
        return new PagePlan(
            paragraphsUnder,
            PlanCitations(rng, paragraphCount),
            PlanLinks(rng, shape, page, paragraphCount),
            blocks[0],
            blocks[1],
            blocks[2]);
    }

    private static Dictionary<int, Reference[]> PlanCitations(Rng rng, int paragraphCount)
    {
        var slots = rng.PickDistinct(Enumerable.Range(0, paragraphCount).ToArray(), rng.Between(2, 4));
        return slots.ToDictionary(slot => slot, _ => PickReferences(rng));
    }

    private static Reference[] PickReferences(Rng rng)
    {
        var numbers = rng.PickDistinct(Enumerable.Range(1, ReferenceLibrary.Count).ToArray(), rng.Between(1, 2));
        Array.Sort(numbers);
        return [.. numbers.Select(ReferenceLibrary.Get)];
    }

    private static Dictionary<int, LinkTarget> PlanLinks(Rng rng, SiteShape shape, int page, int paragraphCount)
    {
        var slots = rng.PickDistinct(Enumerable.Range(0, paragraphCount).ToArray(), rng.Between(4, 6));
        return slots.ToDictionary(slot => slot, _ => PickTarget(rng, shape, page));
    }

    /// <summary>
    /// One link in ten goes to the section overview, about half stay in the section and the rest
    /// cross sections; four in five point at a heading, the way writers link to a passage.
    /// </summary>
    private static LinkTarget PickTarget(Rng rng, SiteShape shape, int page)
    {
        var roll = rng.Next(10);
        var target = roll == 0 ? 0 : roll < 6 ? OtherPageInSection(rng, shape, page) : OtherPageAnywhere(rng, shape, page);
        if (target == 0 || !rng.Chance(80))
        {
            return new LinkTarget(target, null, null);
        }
        var heading = rng.Pick(shape.OutlineOf(target).Headings);
        return new LinkTarget(target, heading.Anchor, heading.Text);
    }

    private static int OtherPageInSection(Rng rng, SiteShape shape, int page)
    {
        var section = shape.SectionOf(page);
        var first = shape.FirstPageOf(section);
        var others = shape.LastPageOf(section) - first;
        if (others == 0)
        {
            return OtherPageAnywhere(rng, shape, page);
        }
        var target = first + rng.Next(others);
        return target >= page ? target + 1 : target;
    }

    /// <summary>Returns 0 (the overview) on a one-page site, where there is no other page.</summary>
    private static int OtherPageAnywhere(Rng rng, SiteShape shape, int page)
    {
        if (shape.PageCount == 1)
        {
            return 0;
        }
        var target = rng.Between(1, shape.PageCount - 1);
        return target >= page ? target + 1 : target;
    }
}
