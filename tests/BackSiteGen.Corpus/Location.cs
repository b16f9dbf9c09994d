namespace BackSiteGen.Corpus;

/// <summary>A page of the corpus: the home page (0, 0), a section overview (s, 0) or a page (s, n).</summary>
internal readonly record struct Location(int Section, int Page)
{
    public static Location Home => new(0, 0);

    public static Location Overview(int section) => new(section, 0);

    public static Location PageIn(SiteShape shape, int page) => new(shape.SectionOf(page), page);

    public bool IsHome => Section == 0;

    public bool IsOverview => Section != 0 && Page == 0;
}
