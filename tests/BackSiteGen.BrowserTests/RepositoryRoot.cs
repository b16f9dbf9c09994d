namespace BackSiteGen.BrowserTests;

/// <summary>The repository the tests run from, so they build the real microsite with the real theme.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "BackSiteGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The browser tests must run inside the BackSiteGen repository.");
    }
}
