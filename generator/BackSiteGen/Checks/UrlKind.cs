namespace BackSiteGen.Checks;

/// <summary>What a URL in a built file turned out to be.</summary>
public enum UrlKind
{
    /// <summary>Nothing to check: <c>mailto:</c>, <c>tel:</c>, <c>data:</c>, <c>javascript:</c> and other schemes.</summary>
    Ignored,

    /// <summary>A path inside the site (possibly the page itself), relative to the site root, percent-decoded.</summary>
    Internal,

    /// <summary>An http(s) URL on another origin, or written in full to the site's own origin outside its base path.</summary>
    External,

    /// <summary>A path on the site's host that does not start with the base path.</summary>
    OutsideBase,

    /// <summary>Text a browser cannot parse as a URL at all (<c>//////</c>, <c>https://</c>); the reason is in Path.</summary>
    Invalid,
}
