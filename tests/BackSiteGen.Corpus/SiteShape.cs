using System.Globalization;

namespace BackSiteGen.Corpus;

/// <summary>
/// Where each page lives. Pages are numbered 1..N across the whole site and grouped into
/// sections of <see cref="PagesPerSection"/>, so any page's section and file name follow from
/// its number alone.
/// </summary>
internal sealed class SiteShape
{
    public const int PagesPerSection = 100;

    private readonly int _pageDigits;
    private readonly int _sectionDigits;

    public SiteShape(int pageCount, int seed)
    {
        PageCount = pageCount;
        Seed = seed;
        SectionCount = (pageCount + PagesPerSection - 1) / PagesPerSection;
        // Four digits match the examples (page-0123); wider only when the site needs it.
        _pageDigits = Math.Max(4, Digits(pageCount));
        _sectionDigits = Math.Max(2, Digits(SectionCount));
    }

    public int PageCount { get; }

    public int SectionCount { get; }

    public int Seed { get; }

    public int SectionOf(int page) => (page - 1) / PagesPerSection + 1;

    public int FirstPageOf(int section) => (section - 1) * PagesPerSection + 1;

    public int LastPageOf(int section) => Math.Min(section * PagesPerSection, PageCount);

    /// <summary>1-based position of the page inside its section; becomes order / weight.</summary>
    public int PositionOf(int page) => page - FirstPageOf(SectionOf(page)) + 1;

    public string SectionSlug(int section) => "section-" + Pad(section, _sectionDigits);

    public string PageSlug(int page) => "page-" + Pad(page, _pageDigits);

    public string PageLabel(int page) => Pad(page, _pageDigits);

    public string SectionLabel(int section) => Pad(section, _sectionDigits);

    public PageOutline OutlineOf(int page) => PageOutline.Create(this, page);

    private static string Pad(int value, int digits) =>
        value.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');

    private static int Digits(int value) => value.ToString(CultureInfo.InvariantCulture).Length;
}
