namespace BackSiteGen.Checks;

/// <summary>How politely and patiently external links are checked; tests inject short times.</summary>
/// <param name="CachePath">The JSON results cache; by default in the system's temporary folder, never in content or output.</param>
/// <param name="MaxRetryAfter">The longest a <c>429 Retry-After</c> is waited for before giving up on that URL.</param>
public sealed record ExternalCheckOptions(
    TimeSpan Timeout,
    int Retries,
    TimeSpan Backoff,
    int PerHostConcurrency,
    TimeSpan PerHostSpacing,
    TimeSpan MaxRetryAfter,
    int MaxConcurrency,
    string CachePath,
    TimeProvider Clock)
{
    public static ExternalCheckOptions Default { get; } = new(
        TimeSpan.FromSeconds(20),
        2,
        TimeSpan.FromSeconds(1),
        2,
        TimeSpan.FromMilliseconds(250),
        TimeSpan.FromSeconds(60),
        16,
        Path.Combine(Path.GetTempPath(), "backsitegen", "external-links.json"),
        TimeProvider.System);
}
