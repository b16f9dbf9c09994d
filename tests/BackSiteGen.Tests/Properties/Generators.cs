using CsCheck;

namespace BackSiteGen.Tests.Properties;

/// <summary>Generators biased towards the inputs that break path and front matter handling.</summary>
internal static class Generators
{
    /// <summary>Path segments a writer or an attacker might type, including ones that only become dangerous after
    /// decoding or trimming.</summary>
    public static readonly Gen<string> Segment = Gen.OneOf(
        Gen.OneOf<string>("..", ".", "", " ", " ..", ".. ", "%2e%2e", "%2E.", "..%2F..", "%2F", "\\..", "a\\b", "index", "café", "my page", "%00", "\t", "C:", "~", "a:b", "-", "x.md", "index.md"),
        Gen.String[Gen.Char["a.z %/\\:é-_~"], 0, 6]);

    /// <summary>A '/'-separated path of up to six segments.</summary>
    public static readonly Gen<string> RelativePath = Segment.Array[1, 6].Select(parts => string.Join('/', parts));

    /// <summary>Lines that are, nearly are, or are not front matter fences.</summary>
    public static readonly Gen<string> Line = Gen.OneOf(
        Gen.OneOf<string>("---", "--- ", "----", "...", "-- -", "---\t", "", " ", "title: T", "a: [1, 2]", "\r", "\uFEFF---"),
        Gen.String[Gen.Char["-. :abc#\t"], 0, 8]);

    public static readonly Gen<string> Text = Line.Array[0, 12].Select(lines => string.Join('\n', lines));

    /// <summary>Front matter lines that can never close the front matter: neither '---' nor '...' at their start.</summary>
    public static readonly Gen<string> FrontMatterLine = Gen.String[Gen.Char["abc: []-.#"], 0, 10]
        .Where(l => !l.StartsWith("---", StringComparison.Ordinal) && !l.StartsWith("...", StringComparison.Ordinal));
}
