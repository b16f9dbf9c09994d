namespace BackSiteGen.Scaffold;

/// <summary>What <c>backsitegen new</c> can start: each kind has its archetype in the theme's <c>archetypes/</c> folder.</summary>
public enum PageKind
{
    Page,
    Exercise,
}
