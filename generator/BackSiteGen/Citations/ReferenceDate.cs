using System.Globalization;

namespace BackSiteGen.Citations;

/// <summary>A CSL date: a year, optionally with month (or season) and day, optionally a range, approximate (circa), or
/// only a literal text ("13th century").</summary>
/// <param name="Year">The year; 0 when the date is only a <see cref="Literal"/>; negative for BC (CSL's astronomical
/// year numbering is not applied: BBT and pandoc write "-333" for 333 BC).</param>
public sealed record ReferenceDate(int Year, int? Month, int? Day)
{
    /// <summary>1 spring, 2 summer, 3 autumn, 4 winter (CSL's season, or date-parts months 13-16 and 21-24).</summary>
    public int? Season { get; init; }

    public bool Circa { get; init; }

    /// <summary>A date written as text that is kept as written.</summary>
    public string? Literal { get; init; }

    /// <summary>The end of a range (<c>date-parts: [[2014, 12, 31], [2015, 1, 1]]</c>).</summary>
    public ReferenceDate? End { get; init; }

    public bool HasYear => Year != 0;

    public string YearText => Year < 0
        ? (-Year).ToString(CultureInfo.InvariantCulture) + " BC"
        : Year.ToString(CultureInfo.InvariantCulture);
}
