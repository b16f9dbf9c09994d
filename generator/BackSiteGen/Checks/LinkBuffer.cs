using System.Buffers;

namespace BackSiteGen.Checks;

/// <summary>The links of one page while it is read, in a pooled array; handed over as one array of the exact size.</summary>
/// <remarks>A growing list allocates about three times the links it ends with, and the facts of every page are kept
/// until the whole site is checked, so its spare capacity would be kept too.</remarks>
internal sealed class LinkBuffer : IDisposable
{
    private HtmlLink[] _links;
    private int _count;

    public LinkBuffer(int capacity) => _links = ArrayPool<HtmlLink>.Shared.Rent(capacity);

    public void Add(HtmlLink link)
    {
        if (_count == _links.Length)
        {
            var larger = ArrayPool<HtmlLink>.Shared.Rent(_links.Length * 2);
            _links.AsSpan(0, _count).CopyTo(larger);
            ArrayPool<HtmlLink>.Shared.Return(_links, clearArray: true);
            _links = larger;
        }

        _links[_count++] = link;
    }

    public HtmlLink[] ToArray() => _links.AsSpan(0, _count).ToArray();

    /// <summary>Returns the array cleared, so the pool holds no URL strings of the page.</summary>
    public void Dispose()
    {
        _links.AsSpan(0, _count).Clear();
        ArrayPool<HtmlLink>.Shared.Return(_links);
        _links = [];
        _count = 0;
    }
}
