namespace BackSiteGen.Citations;

/// <summary>A person (<c>family</c>, <c>given</c>) or an organisation written as one <c>literal</c> name.</summary>
public sealed record ReferenceAuthor(string? Family, string? Given, string? Particle, string? Suffix, string? Literal)
{
    public static ReferenceAuthor Organisation(string name) => new(null, null, null, null, name);
}
