using BackSiteGen.Site;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Golden;

/// <summary>The real microsite, built with the default theme as CI builds it, into a fresh folder once per test run.</summary>
internal static class Microsite
{
    /// <summary>The day the golden files were built as of: review dates count from it, and nothing else depends on it.</summary>
    public static readonly DateOnly BuildDate = new(2026, 12, 1);

    private static readonly Lazy<(string Folder, BuildResult Result)> Built = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "bsg-golden-" + Guid.NewGuid().ToString("N")[..12], "output");
        var result = SiteBuilder.Build(Options(folder));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(Path.GetDirectoryName(folder)!);
        return (folder, result);
    });

    /// <summary>The folder the microsite was built into, after asserting the strict build succeeded.</summary>
    public static string Output
    {
        get
        {
            var (folder, result) = Built.Value;
            Assert.True(result.Succeeded, "The microsite must build with --strict:\n" + string.Join('\n', result.Lines()));
            return folder;
        }
    }

    public static BuildOptions Options(string output, string content = "content", string theme = "themes/default", string? workingDirectory = null) =>
        new(content, theme, output, Strict: true, BuildDate: BuildDate, WorkingDirectory: workingDirectory ?? Repository.Root);

    /// <summary>Every file below <paramref name="root"/>, as sorted relative paths with '/' separators.</summary>
    public static List<string> FilesBelow(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => f != ".gitignore")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
