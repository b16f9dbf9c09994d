using System.Globalization;

namespace BackSiteGen.Corpus;

internal sealed record CorpusOptions(int Pages, string OutputDirectory, int Seed)
{
    public const string Usage = "usage: backsitegen-corpus --pages N --out DIR [--seed S]";

    /// <summary>Returns null and an error message when the arguments are unusable.</summary>
    public static CorpusOptions? Parse(IReadOnlyList<string> args, out string error)
    {
        int? pages = null;
        string? output = null;
        var seed = 1;
        error = "";
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--pages" when TryParsePositive(value, out var n):
                    pages = n;
                    i++;
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    i++;
                    break;
                case "--out" when !string.IsNullOrWhiteSpace(value):
                    output = value;
                    i++;
                    break;
                case "--pages" or "--seed" or "--out":
                    error = $"{args[i]} needs {ExpectedValue(args[i])}";
                    return null;
                default:
                    error = $"unknown argument '{args[i]}'";
                    return null;
            }
        }
        if (pages is null || output is null)
        {
            error = "--pages and --out are required";
            return null;
        }
        return new CorpusOptions(pages.Value, output, seed);
    }

    private static string ExpectedValue(string option) => option switch
    {
        "--pages" => "a positive whole number",
        "--seed" => "a whole number",
        _ => "a folder",
    };

    private static bool TryParsePositive(string? text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;
}
