namespace BackSiteGen.Tests.Citations;

/// <summary>A fact that runs Debian's pandoc with its AMA CSL style: skipped, with the reason, when either is missing,
/// unless <c>BACKSITEGEN_REQUIRE_PANDOC=1</c> (set by .ci/run) makes that a failure.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PandocFactAttribute : FactAttribute
{
    public const string RequireVariable = "BACKSITEGEN_REQUIRE_PANDOC";
    public const string CslPath = "/usr/share/citation-style-language/styles/american-medical-association.csl";

    public PandocFactAttribute()
    {
        if ((Pandoc() is null || !File.Exists(CslPath)) && Environment.GetEnvironmentVariable(RequireVariable) != "1")
        {
            Skip = $"pandoc or {CslPath} is missing (apt-get install -y pandoc citation-style-language-styles); set {RequireVariable}=1 to make this a failure.";
        }
    }

    /// <summary>pandoc on the PATH, or null.</summary>
    public static string? Pandoc()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "pandoc");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
