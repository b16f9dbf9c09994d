namespace BackSiteGen.Content;

/// <summary>A page with its Markdown body: exists only between reading a page's file and rendering it.</summary>
public sealed record PageText(Page Page, string Body)
{
    /// <summary>The front matter as written, when the page was just read from its file; <c>serve</c> compares it with
    /// the next version to tell an edit of the text from an edit of what the navigation shows.</summary>
    public string? FrontMatterText { get; init; }
}
