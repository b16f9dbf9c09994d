namespace BackSiteGen.Citations;

/// <summary>A source as one page cites it: its number on that page (order of first citation).</summary>
public sealed record CitedReference(int Number, Reference Reference);
