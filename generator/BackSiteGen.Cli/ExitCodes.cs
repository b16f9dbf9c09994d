namespace BackSiteGen.Cli;

/// <summary>What the process's exit code tells a script or CI.</summary>
internal static class ExitCodes
{
    /// <summary>The site was built (warnings allowed unless --strict).</summary>
    public const int Success = 0;

    /// <summary>Errors in content, templates or checks; the previous output was left as it was.</summary>
    public const int BuildFailed = 1;

    /// <summary>The command line was wrong.</summary>
    public const int BadCommandLine = 2;

    /// <summary>A bug in BackSiteGen itself.</summary>
    public const int InternalError = 3;
}
