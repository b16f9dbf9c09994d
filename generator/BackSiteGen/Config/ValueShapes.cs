using System.Text.RegularExpressions;

namespace BackSiteGen.Config;

/// <summary>The shapes a value written into HTML must have: each check makes the value safe in the context it lands in
/// (an attribute, a URL), so a template that forgets to escape it cannot turn it into markup.</summary>
/// <remarks><c>language: 'en"&gt;&lt;script&gt;…'</c> was written into <c>&lt;html lang&gt;</c>, before the CSP meta, and ran;
/// <c>publisher.url: javascript:…</c> became a link that ran.</remarks>
public static partial class ValueShapes
{
    /// <summary>A BCP 47 language tag (RFC 5646 langtag or private use): <c>en</c>, <c>en-GB</c>, <c>zh-Hant-TW</c>, <c>x-klingon</c>.</summary>
    public static bool IsLanguageTag(string? tag) => tag is { Length: > 0 and <= 64 } && LanguageTag().IsMatch(tag);

    /// <summary>The URL in its normalized form (<c>"</c>, <c>&lt;</c>, <c>&gt;</c> and spaces percent-encoded) when it is an
    /// absolute http or https URL, or, with <paramref name="allowMailto"/>, a mailto: URL; null otherwise.</summary>
    public static string? WebUrl(string? url, bool allowMailto = false)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }

        var allowed = uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || (allowMailto && uri.Scheme == Uri.UriSchemeMailto);
        return allowed && !uri.IsFile && !uri.IsUnc ? uri.AbsoluteUri : null;
    }

    /// <summary>An address that can follow <c>mailto:</c> and be printed as it is: one '@', no spaces, quotes or angle brackets.</summary>
    public static bool IsEmail(string? address) => address is { Length: > 2 and <= 254 } && Email().IsMatch(address);

    [GeneratedRegex(@"^(?:(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*(?:-[xX](?:-[A-Za-z0-9]{1,8})+)?|[xX](?:-[A-Za-z0-9]{1,8})+)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LanguageTag();

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Email();
}
