namespace BackSiteGen.Checks;

/// <summary>An id found in a built page, kept only when it repeats one seen before on the same page.</summary>
public readonly record struct HtmlId(string Id, int Offset, int Line, int Column);
