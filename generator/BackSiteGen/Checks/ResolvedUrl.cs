namespace BackSiteGen.Checks;

/// <summary>A URL resolved against the file it is in and the site's base path.</summary>
/// <param name="Path">For <see cref="UrlKind.Internal"/>: the decoded path below the site root ("" for the root,
/// a trailing '/' for a folder); for <see cref="UrlKind.OutsideBase"/>: the absolute path it reached.</param>
/// <param name="Fragment">The text after '#', still percent-encoded, or null when there is none.</param>
public readonly record struct ResolvedUrl(UrlKind Kind, string Path, string? Fragment, Uri? External);
