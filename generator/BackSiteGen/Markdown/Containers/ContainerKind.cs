namespace BackSiteGen.Markdown.Containers;

/// <summary>What a <c>:::name</c> container is for, which decides the HTML it becomes.</summary>
internal enum ContainerRole
{
    Callout,
    CareCard,
    Steps,
}

/// <summary>A container name writers may use, with the words a reader sees or hears for it.</summary>
/// <param name="Label">The visible label of a callout, or the visually hidden prefix of a care card.</param>
internal sealed record ContainerKind(string Name, ContainerRole Role, string Label)
{
    /// <summary>Every container the theme styles; any other name is reported, so a typo never renders unstyled.</summary>
    public static IReadOnlyDictionary<string, ContainerKind> Known { get; } = new Dictionary<string, ContainerKind>(StringComparer.Ordinal)
    {
        ["note"] = new("note", ContainerRole.Callout, "Note"),
        ["tip"] = new("tip", ContainerRole.Callout, "Tip"),
        ["did-you-know"] = new("did-you-know", ContainerRole.Callout, "Did you know?"),
        ["warning"] = new("warning", ContainerRole.Callout, "Warning"),
        ["immediate"] = new("immediate", ContainerRole.CareCard, "Immediate action required: "),
        ["urgent"] = new("urgent", ContainerRole.CareCard, "Urgent advice: "),
        ["non-urgent"] = new("non-urgent", ContainerRole.CareCard, "Non-urgent advice: "),
        ["steps"] = new("steps", ContainerRole.Steps, string.Empty),
    };

    public static ContainerKind? Find(string? name) => name is null ? null : Known.GetValueOrDefault(name.Trim());

    public static string UnknownMessage(string? name)
    {
        var written = string.IsNullOrWhiteSpace(name) ? "(no name)" : name.Trim();
        var closest = Known.Keys.OrderBy(k => Text.EditDistance.Between(k, written)).ThenBy(k => k, StringComparer.Ordinal).First();
        return $"The container ':::{written}' is not one the theme knows; did you mean ':::{closest}'? Known: {string.Join(", ", Known.Keys)}.";
    }
}
