using System.Net;
using System.Text.RegularExpressions;

namespace BackSiteGen.Trust.Placeholders;

/// <summary>Host names that can never reach a real organisation: the documentation domains of RFC 2606
/// (example.com, example.net, example.org and their subdomains; the top-level names .example, .invalid, .test,
/// .localhost) and RFC 6761's localhost, plus loopback addresses. A link or address there is a placeholder.</summary>
internal static partial class ReservedDomains
{
    private static readonly string[] SecondLevel = ["example.com", "example.net", "example.org"];
    private static readonly string[] TopLevel = ["example", "invalid", "test", "localhost"];

    public static bool IsReserved(string? host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return false;
        }

        var name = host.Trim().TrimEnd('.').ToLowerInvariant();
        if (IPAddress.TryParse(name.Trim('[', ']'), out var ip))
        {
            return IPAddress.IsLoopback(ip);
        }

        foreach (var domain in SecondLevel)
        {
            if (name == domain || name.EndsWith("." + domain, StringComparison.Ordinal))
            {
                return true;
            }
        }

        var dot = name.LastIndexOf('.');
        return TopLevel.Contains(dot < 0 ? name : name[(dot + 1)..], StringComparer.Ordinal);
    }

    /// <summary>The host an address or URL reaches: the domain of <c>mailto:</c> and e-mail addresses, the host of
    /// absolute and scheme-relative http(s) URLs; null for relative links and other schemes.</summary>
    public static string? HostOf(string address)
    {
        var text = address.Trim();
        if (text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[7..];
            var query = text.IndexOf('?', StringComparison.Ordinal);
            text = query < 0 ? text : text[..query];
        }

        if (!text.Contains("://", StringComparison.Ordinal) && !text.StartsWith("//", StringComparison.Ordinal))
        {
            var at = text.LastIndexOf('@');
            return at > 0 && !text.Contains('/', StringComparison.Ordinal) ? text[(at + 1)..] : null;
        }

        var absolute = text.StartsWith("//", StringComparison.Ordinal) ? "https:" + text : text;
        return Uri.TryCreate(absolute, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.Host : null;
    }

    /// <summary>E-mail addresses and http(s) URLs written as plain text, which readers copy even when they are not links.</summary>
    public static IEnumerable<(int Index, string Address)> InText(string text)
    {
        // Every match holds an @ or a "://". Without this test the pattern, which can start at any letter or digit,
        // was tried at every position of every page's prose (4.6% of a build's CPU, perf on the 2,000-page corpus).
        if (!text.Contains('@', StringComparison.Ordinal) && !text.Contains("://", StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (Match match in AddressPattern().Matches(text))
        {
            yield return (match.Index, match.Value.TrimEnd('.', ',', ';', ':', ')', '!', '?'));
        }
    }

    [GeneratedRegex(@"https?://[^\s<>()\uFFFC]+|[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z0-9-]+", RegexOptions.CultureInvariant)]
    private static partial Regex AddressPattern();
}
