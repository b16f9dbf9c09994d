namespace BackSiteGen.Tests.Infrastructure;

/// <summary>The repository the tests run from, so tests can use the real theme and content.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BackSiteGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests must run inside the BackSiteGen repository.");
    }
}
