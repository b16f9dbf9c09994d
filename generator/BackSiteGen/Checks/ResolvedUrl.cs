namespace BackSiteGen.Checks;

/// <summary>A URL resolved against the file it is in (or its <c>&lt;base href&gt;</c>) and the site's base path.</summary>
/// <param name="Path">For <see cref="UrlKind.Internal"/>: the decoded path below the site root ("" for the root,
/// a trailing '/' for a folder); for <see cref="UrlKind.OutsideBase"/>: the absolute path it reached; for
/// <see cref="UrlKind.Invalid"/>: why a browser rejects it.</param>
/// <param name="Fragment">The text after '#', as written (not yet percent-decoded), or null when there is none.</param>
public readonly record struct ResolvedUrl(UrlKind Kind, string Path, string? Fragment, Uri? External);
