using System.Text.RegularExpressions;

namespace BackSiteGen.Trust.Unfinished;

/// <summary>The words writers and <c>backsitegen new</c> leave where text is still missing.</summary>
/// <remarks>TODO, TBD, FIXME and XXX count only as whole words in capitals (a reader's "to-do list" or "xxx-large" is
/// not a marker); "lorem ipsum" in any case. Everything the archetypes ask a writer to replace starts with "TODO:".</remarks>
internal static partial class UnfinishedMarkers
{
    public const string ArchetypeMarker = "TODO:";

    public static Match First(string text) => Pattern().Match(text);

    [GeneratedRegex(@"(?<![\w-])(?:TODO|TBD|FIXME|XXX)(?![\w-])|(?i:\blorem\s+ipsum\b)", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
