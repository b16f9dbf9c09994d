namespace BackSiteGen.Checks;

/// <summary>What kind of element a URL came from: decides whether a missing target is a broken link or a missing
/// resource, whether another origin is a privacy leak (a resource the browser loads) or just a link, and how the
/// finding names it.</summary>
public enum LinkElement
{
    /// <summary><c>a[href]</c>, <c>area[href]</c>: the reader chooses to follow it.</summary>
    Hyperlink,

    /// <summary><c>link[href]</c> that names a page (canonical, alternate, next, prev): never loaded.</summary>
    PageLink,

    /// <summary><c>meta[http-equiv=refresh]</c>: a redirect.</summary>
    Refresh,

    /// <summary><c>link rel=stylesheet</c>, <c>preload as=style</c>, CSS <c>@import</c>.</summary>
    Stylesheet,

    /// <summary><c>img</c>, <c>srcset</c>, <c>input type=image</c>, SVG <c>image</c>, <c>background</c>, CSS <c>url()</c>.</summary>
    Image,

    /// <summary><c>script src</c>, <c>modulepreload</c>, <c>preload as=script</c>.</summary>
    Script,

    /// <summary><c>iframe</c>, <c>frame</c>.</summary>
    Frame,

    /// <summary><c>video</c>, <c>audio</c>, <c>source</c>, <c>track</c>, posters.</summary>
    Media,

    /// <summary><c>link rel=icon</c>, <c>apple-touch-icon</c>, <c>mask-icon</c>.</summary>
    Icon,

    /// <summary>CSS <c>url()</c> inside <c>@font-face</c>, <c>preload as=font</c>.</summary>
    Font,

    /// <summary><c>link rel=preload</c> of another or no kind.</summary>
    Preload,

    /// <summary><c>link rel=prefetch</c>: fetched for the next page.</summary>
    Prefetch,

    /// <summary><c>link rel=preconnect</c> and <c>dns-prefetch</c>: only an origin is contacted, no file is fetched.</summary>
    Preconnect,

    /// <summary><c>link rel=manifest</c>.</summary>
    Manifest,

    /// <summary><c>object data</c>, <c>embed src</c>.</summary>
    EmbeddedObject,

    /// <summary>SVG <c>use href</c>: a symbol from a sprite file.</summary>
    SvgSymbol,

    /// <summary><c>a ping</c>: requested when the reader follows the link, to tell a server about it.</summary>
    Ping,
}
