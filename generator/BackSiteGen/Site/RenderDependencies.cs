namespace BackSiteGen.Site;

/// <summary>What one page's HTML was made from besides its own file and what every page reads (the configuration, the
/// theme, the navigation, the bibliography, the glossary): the other pages whose text it embeds, as the exercise handout
/// embeds every exercise. <c>serve</c> re-renders a page when any of them changes.</summary>
/// <remarks>Recorded on the rendering thread: a page renders on one thread from start to end, and template functions
/// have no way to reach the page being rendered other than through it.</remarks>
internal sealed class RenderDependencies
{
    [ThreadStatic]
    private static RenderDependencies? t_current;

    private readonly HashSet<string> _embedded = new(StringComparer.Ordinal);

    /// <summary>Source paths (<c>exercises/bridge.md</c>) of the pages whose text the page embeds.</summary>
    public IReadOnlyCollection<string> EmbeddedPages => _embedded;

    /// <summary>Starts recording for the page about to render on this thread; dispose to stop.</summary>
    public static Recording Record() => new(t_current = new RenderDependencies());

    /// <summary>Tells the page rendering on this thread, if any, that it embeds another page's text.</summary>
    public static void Embeds(string sourceRelativePath) => t_current?._embedded.Add(sourceRelativePath);

    public readonly struct Recording(RenderDependencies dependencies) : IDisposable
    {
        public RenderDependencies Dependencies => dependencies;

        public void Dispose() => t_current = null;
    }
}
