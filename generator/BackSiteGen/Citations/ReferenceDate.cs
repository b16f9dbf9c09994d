namespace BackSiteGen.Citations;

/// <summary>A CSL date: a year, optionally with month and day (CSL's <c>date-parts</c>).</summary>
public readonly record struct ReferenceDate(int Year, int? Month, int? Day);
