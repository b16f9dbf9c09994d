using System.Net;
using Microsoft.AspNetCore.Http;

namespace BackSiteGen.Serve;

/// <summary>Answers only requests addressed to the preview itself: a <c>Host</c> of a loopback name or the bound address,
/// and, on the live-reload stream, no <c>Origin</c> but the preview's own.</summary>
/// <remarks>Without it, DNS rebinding lets any web page the writer visits read the preview: the page's own name is
/// re-pointed at 127.0.0.1, and the browser then sends requests with <c>Host: attacker.example</c> that the preview
/// answered. A rebinding attack always needs a DNS name, so IP literals of the bound address (any, for 0.0.0.0) pass.</remarks>
public sealed class HostGuard(IPAddress bound)
{
    /// <summary>Why the request is refused (the body of a 403), or null when it may be answered.</summary>
    public string? Refusal(HttpRequest request, bool isLiveReload)
    {
        if (!AllowsHost(request.Host.HasValue ? request.Host.Host : null))
        {
            return "Forbidden: this preview answers only requests for localhost or its own address.\n";
        }

        if (isLiveReload && request.Headers.Origin.Count > 0 && !AllowsOrigin(request.Headers.Origin.ToString()))
        {
            return "Forbidden: the live-reload stream is only for the preview's own pages.\n";
        }

        return null;
    }

    /// <summary>True for <c>localhost</c> and names below it, loopback addresses, and the address the preview is bound to.</summary>
    public bool AllowsHost(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }

        var name = host.Trim('[', ']').TrimEnd('.');
        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // Only a literal address: "127.0.0.1.attacker.example" is a name, and TryParse refuses it.
        if (!IPAddress.TryParse(name, out var address) || name.Any(c => !(char.IsAsciiHexDigit(c) || c is '.' or ':')))
        {
            return false;
        }

        return IPAddress.IsLoopback(address) || address.Equals(bound) || bound.Equals(IPAddress.Any) || bound.Equals(IPAddress.IPv6Any);
    }

    /// <summary>True for an <c>http</c> origin whose host <see cref="AllowsHost"/> admits.</summary>
    public bool AllowsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && AllowsHost(uri.Host);
}
