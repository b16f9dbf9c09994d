namespace BackSiteGen.BrowserTests;

/// <summary>A fact that needs Debian's Chromium: skipped, with the reason, when it is missing, unless
/// <c>BACKSITEGEN_REQUIRE_BROWSER=1</c> (set by .ci/run) says a missing browser must fail instead.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string RequireVariable = "BACKSITEGEN_REQUIRE_BROWSER";

    public BrowserFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && Environment.GetEnvironmentVariable(RequireVariable) != "1")
        {
            Skip = $"{ChromiumPath} is not installed (apt-get install -y chromium); set {RequireVariable}=1 to make this a failure.";
        }
    }
}
