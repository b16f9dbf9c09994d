using System.Text;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Golden;

/// <summary>Every file of the real microsite, built with the default theme, compared byte for byte with the files kept in
/// <c>tests/BackSiteGen.Tests/Golden/microsite/</c>. Any change to what readers get shows up here, and in the diff of the
/// golden files when they are regenerated: <c>BACKSITEGEN_UPDATE_GOLDEN=1 dotnet test --filter FullyQualifiedName~Golden</c>.</summary>
public sealed class GoldenSiteTests
{
    private const string UpdateVariable = "BACKSITEGEN_UPDATE_GOLDEN";

    private static string GoldenFolder => Path.Combine(Repository.Root, "tests", "BackSiteGen.Tests", "Golden", "microsite");

    [Fact]
    public void Every_file_of_the_microsite_matches_its_golden_file_byte_for_byte()
    {
        var built = Microsite.Output;
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            if (Directory.Exists(GoldenFolder))
            {
                Directory.Delete(GoldenFolder, recursive: true);
            }

            foreach (var file in Microsite.FilesBelow(built))
            {
                var target = Path.Combine(GoldenFolder, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(built, file), target);
            }
        }

        Assert.True(Directory.Exists(GoldenFolder), $"No golden files yet: run with {UpdateVariable}=1 and review them.");
        var expected = Microsite.FilesBelow(GoldenFolder);
        var actual = Microsite.FilesBelow(built);
        Assert.Equal(expected, actual);

        var differences = new List<string>();
        foreach (var file in expected)
        {
            var want = File.ReadAllBytes(Path.Combine(GoldenFolder, file));
            var got = File.ReadAllBytes(Path.Combine(built, file));
            if (!want.AsSpan().SequenceEqual(got))
            {
                differences.Add(FirstDifference(file, want, got));
            }
        }

        Assert.True(differences.Count == 0, $"{differences.Count} built file(s) differ from their golden files (regenerate with {UpdateVariable}=1 and review the diff if the change is meant):\n" + string.Join('\n', differences));
    }

    private static string FirstDifference(string file, byte[] want, byte[] got)
    {
        var wantLines = Encoding.UTF8.GetString(want).Split('\n');
        var gotLines = Encoding.UTF8.GetString(got).Split('\n');
        for (var i = 0; i < Math.Max(wantLines.Length, gotLines.Length); i++)
        {
            var w = i < wantLines.Length ? wantLines[i] : "(end of file)";
            var g = i < gotLines.Length ? gotLines[i] : "(end of file)";
            if (w != g)
            {
                return $"{file}({i + 1}): expected\n    {Clip(w)}\n  but built\n    {Clip(g)}";
            }
        }

        return $"{file}: the bytes differ (line endings or encoding)";
    }

    private static string Clip(string line) => line.Length <= 300 ? line : line[..300] + "…";
}
