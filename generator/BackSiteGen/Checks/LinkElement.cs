namespace BackSiteGen.Checks;

/// <summary>What kind of element a URL came from: decides whether a missing target is a broken link or a missing
/// resource, and whether another origin is a privacy leak (a resource the browser loads) or just a link.</summary>
public enum LinkElement
{
    /// <summary><c>a[href]</c>, <c>area[href]</c>: the reader chooses to follow it.</summary>
    Hyperlink,

    /// <summary><c>link[href]</c> that names a page (canonical, alternate, next, prev): never loaded.</summary>
    PageLink,

    /// <summary><c>meta[http-equiv=refresh]</c>: a redirect.</summary>
    Refresh,

    /// <summary><c>link[href]</c> that the browser loads (stylesheet, icon, preload, manifest).</summary>
    Stylesheet,

    Image,
    Script,
    Frame,

    /// <summary><c>video</c>, <c>audio</c>, <c>source</c>, posters.</summary>
    Media,

    /// <summary><c>url()</c> or <c>@import</c> in a CSS file: fonts, images, other stylesheets.</summary>
    CssUrl,
}
