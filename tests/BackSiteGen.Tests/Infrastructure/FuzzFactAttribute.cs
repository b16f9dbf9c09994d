namespace BackSiteGen.Tests.Infrastructure;

/// <summary>A test that runs for minutes, so only when <c>BACKSITEGEN_FUZZ=1</c>; otherwise it shows as skipped with
/// the reason, never as a pass that tested nothing.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FuzzFactAttribute : FactAttribute
{
    public const string Variable = "BACKSITEGEN_FUZZ";

    public FuzzFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"Long-running fuzz test: set {Variable}=1 to run it (BACKSITEGEN_FUZZ_SECONDS sets its length, default 120).";
        }
    }

    /// <summary>How long a fuzz test runs.</summary>
    public static int Seconds => int.TryParse(Environment.GetEnvironmentVariable("BACKSITEGEN_FUZZ_SECONDS"), out var s) && s > 0 ? s : 120;
}
