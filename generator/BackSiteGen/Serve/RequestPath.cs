namespace BackSiteGen.Serve;

/// <summary>Turns a request's path into a key of the served site, or refuses it.</summary>
/// <remarks>The site is a dictionary, so no request can reach a file outside it whatever the path; refusing
/// dot segments, backslashes, NUL and encoded separators anyway keeps the answer to such probes a plain 400.</remarks>
public static class RequestPath
{
    public enum Verdict
    {
        /// <summary><see cref="Resolution.Key"/> is the path below the site's root ("" for the root).</summary>
        Ok,

        /// <summary>The path is not below the site's base path.</summary>
        Outside,

        /// <summary>The path tries to climb or smuggle a separator: answered 400.</summary>
        Bad,
    }

    public readonly record struct Resolution(Verdict Verdict, string Key);

    /// <param name="decodedPath">The path as the server decoded it once (Kestrel keeps %2F encoded).</param>
    /// <param name="basePath">"/" or "/repo/".</param>
    public static Resolution Resolve(string decodedPath, string basePath)
    {
        if (decodedPath.Length == 0 || decodedPath[0] != '/')
        {
            return new(Verdict.Bad, string.Empty);
        }

        // A second decoding reveals what a double-encoded request (%252e%252e, %2f) would mean to a careless server.
        var twice = Uri.UnescapeDataString(decodedPath);
        foreach (var text in new[] { decodedPath, twice })
        {
            if (text.AsSpan().IndexOfAny('\\', '\0') >= 0 || text.Any(char.IsControl))
            {
                return new(Verdict.Bad, string.Empty);
            }

            foreach (var segment in text.Split('/'))
            {
                if (segment is "." or "..")
                {
                    return new(Verdict.Bad, string.Empty);
                }
            }
        }

        if (decodedPath.Contains("%2f", StringComparison.OrdinalIgnoreCase) || decodedPath.Contains("%5c", StringComparison.OrdinalIgnoreCase))
        {
            return new(Verdict.Bad, string.Empty);
        }

        var withSlash = decodedPath.EndsWith('/') ? decodedPath : decodedPath + "/";
        if (!withSlash.StartsWith(basePath, StringComparison.Ordinal))
        {
            return new(Verdict.Outside, string.Empty);
        }

        return new(Verdict.Ok, decodedPath.Length <= basePath.Length ? string.Empty : decodedPath[basePath.Length..]);
    }
}
