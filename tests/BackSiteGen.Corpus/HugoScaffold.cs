namespace BackSiteGen.Corpus;

/// <summary>
/// Hugo's config and a minimal layout that does the same kinds of work our theme does per page:
/// a table of contents, breadcrumbs and previous/next links in the section. Links use
/// RelPermalink so html-proofer checks them as internal links against the output folder.
/// </summary>
internal static class HugoScaffold
{
    public const string Config =
        """
        baseURL = "https://example.org/"
        languageCode = "en"
        title = "Corpus"
        disableKinds = ["taxonomy", "term", "RSS"]

        [markup]
          defaultMarkdownHandler = "goldmark"
          [markup.goldmark.renderer]
            unsafe = false
          [markup.goldmark.parser]
            autoHeadingIDType = "github"
          [markup.tableOfContents]
            startLevel = 2
            endLevel = 3

        """;

    public const string BaseOf =
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{ .Title }} | {{ .Site.Title }}</title>
        <meta name="description" content="{{ .Description }}">
        </head>
        <body>
        <nav aria-label="Breadcrumb">
        <ol>
        {{- range .Ancestors.Reverse }}
        <li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
        {{- end }}
        <li aria-current="page">{{ .Title }}</li>
        </ol>
        </nav>
        <main>
        <h1>{{ .Title }}</h1>
        {{- with .TableOfContents }}
        <details open><summary>On this page</summary>{{ . }}</details>
        {{- end }}
        {{ block "main" . }}{{ end }}
        </main>
        </body>
        </html>

        """;

    /// <remarks>
    /// Hugo 0.111's PrevInSection walks toward higher weights (the next page in reading order),
    /// so the two are swapped to label the links the way a reader expects.
    /// </remarks>
    public const string Single =
        """
        {{ define "main" }}
        {{ .Content }}
        <nav aria-label="More in this section">
        {{- with .NextInSection }}
        <a rel="prev" href="{{ .RelPermalink }}">Previous: {{ .Title }}</a>
        {{- end }}
        {{- with .PrevInSection }}
        <a rel="next" href="{{ .RelPermalink }}">Next: {{ .Title }}</a>
        {{- end }}
        </nav>
        {{ end }}

        """;

    public const string List =
        """
        {{ define "main" }}
        {{ .Content }}
        {{ end }}

        """;

    public static void Write(string hugoRoot)
    {
        var layouts = Path.Combine(hugoRoot, "layouts", "_default");
        Directory.CreateDirectory(layouts);
        File.WriteAllText(Path.Combine(hugoRoot, "config.toml"), Config);
        File.WriteAllText(Path.Combine(layouts, "baseof.html"), BaseOf);
        File.WriteAllText(Path.Combine(layouts, "single.html"), Single);
        File.WriteAllText(Path.Combine(layouts, "list.html"), List);
    }
}
