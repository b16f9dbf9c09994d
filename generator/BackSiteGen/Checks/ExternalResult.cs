namespace BackSiteGen.Checks;

/// <summary>What another site answered for one URL (without its fragment).</summary>
/// <param name="Status">The final HTTP status after redirects, or 0 when no answer came.</param>
/// <param name="Error">Why there was no usable answer (timeout, unknown host), or null.</param>
/// <param name="Ids">The page's ids, when it is HTML and was fetched for a fragment check; null when not fetched.</param>
/// <param name="RetryAfter">For a 429: how long the server asked us to wait.</param>
public sealed record ExternalResult(int Status, string? Error, DateTimeOffset CheckedAt, IReadOnlySet<string>? Ids, TimeSpan? RetryAfter = null)
{
    public bool IsOk => Status is >= 200 and < 300;

    /// <summary>Answers worth remembering: success and definite client errors; never timeouts or server errors.</summary>
    public bool IsCacheable => Status is >= 200 and < 500 && Status != 429;
}
