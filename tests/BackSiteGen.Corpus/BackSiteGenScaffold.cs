namespace BackSiteGen.Corpus;

/// <summary>
/// A BackSiteGen theme that renders what <see cref="HugoScaffold"/>'s layout renders (breadcrumbs, a table of
/// contents, the page, its reference list, previous/next in the section) and nothing more, so the two tools are
/// timed on the same pages. The benchmark also times our full default theme, which does much more per page.
/// </summary>
internal static class BackSiteGenScaffold
{
    public const string Page =
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{ page.title | html.escape }} | {{ site.title | html.escape }}</title>
        <meta name="description" content="{{ page.description | html.escape }}">
        </head>
        <body>
        <nav aria-label="Breadcrumb">
        <ol>
        {{~ for crumb in page.breadcrumbs ~}}
        {{~ if !for.last ~}}
        <li><a href="{{ crumb.url }}">{{ crumb.title | html.escape }}</a></li>
        {{~ end ~}}
        {{~ end ~}}
        <li aria-current="page">{{ page.title | html.escape }}</li>
        </ol>
        </nav>
        <main>
        <h1>{{ page.title | html.escape }}</h1>
        {{~ if page.toc.size > 0 ~}}
        <details open><summary>On this page</summary><nav id="TableOfContents"><ul>
        {{~ for entry in page.toc ~}}
        <li><a href="#{{ entry.id }}">{{ entry.title | html.escape }}</a></li>
        {{~ end ~}}
        </ul></nav></details>
        {{~ end ~}}
        {{ page.content }}
        {{~ include 'partials/references.html' ~}}
        <nav aria-label="More in this section">
        {{~ if page.previous ~}}
        <a rel="prev" href="{{ page.previous.url }}">Previous: {{ page.previous.title | html.escape }}</a>
        {{~ end ~}}
        {{~ if page.next ~}}
        <a rel="next" href="{{ page.next.url }}">Next: {{ page.next.title | html.escape }}</a>
        {{~ end ~}}
        </nav>
        </main>
        </body>
        </html>

        """;

    /// <summary>The numbered reference list the citations link to (Hugo's copy writes it into the Markdown).</summary>
    public const string References =
        """
        {{~ if page.references && page.references.size > 0 ~}}
        <section aria-labelledby="references">
        <h2 id="references">References</h2>
        <ol>
        {{~ for reference in page.references ~}}
        <li id="{{ reference.id | html.escape }}">{{ reference.html }} <a href="{{ reference.backlink | html.escape }}">&#8617;</a></li>
        {{~ end ~}}
        </ol>
        </section>
        {{~ end ~}}

        """;

    public static void Write(string themeRoot)
    {
        Directory.CreateDirectory(Path.Combine(themeRoot, "layouts"));
        Directory.CreateDirectory(Path.Combine(themeRoot, "partials"));
        File.WriteAllText(Path.Combine(themeRoot, "layouts", "page.html"), Page);
        File.WriteAllText(Path.Combine(themeRoot, "partials", "references.html"), References);
    }
}
