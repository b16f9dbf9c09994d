namespace BackSiteGen.Citations;

/// <summary>A person (<c>family</c>, <c>given</c>) or an organisation written as one <c>literal</c> name.</summary>
/// <param name="Particle">CSL's <c>non-dropping-particle</c> ("van" in "van Gogh").</param>
public sealed record ReferenceAuthor(string? Family, string? Given, string? Particle, string? Suffix, string? Literal)
{
    /// <summary>CSL's <c>dropping-particle</c> ("van" in "Ludwig van Beethoven").</summary>
    public string? DroppingParticle { get; init; }

    /// <summary>pandoc's (and BibTeX's "and others") last name <c>literal: others</c>: more authors than listed.</summary>
    public bool IsOthers => Literal is "others" && Family is null;

    public static ReferenceAuthor Organisation(string name) => new(null, null, null, null, name);
}
