using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using BackSiteGen.Config;
using BackSiteGen.Content;
using BackSiteGen.Diagnostics;
using BackSiteGen.Markdown;
using BackSiteGen.Markdown.Links;
using Scriban.Runtime;
using Scriban.Syntax;

namespace BackSiteGen.Templates;

/// <summary>Template functions the theme needs beyond URLs and dates: pages of a folder with their rendered
/// content (the exercise handout), URLs of files next to a page (front matter images), and the inlined
/// stylesheet with the hash its Content-Security-Policy allows.</summary>
/// <remarks>Everything is computed from the site as loaded, never from the page being rendered, so the functions
/// are pure and pages still render in any order; assets are read once per build.</remarks>
internal sealed partial class ThemeFunctions(Theme theme, SiteIndex index, Func<Page, MarkdownRenderer> markdownOf, PageBodies bodies)
{
    private readonly ConcurrentDictionary<string, string> _assets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _hashes = new(StringComparer.Ordinal);

    public static void Import(ScriptObject functions, Theme theme, SiteIndex index, MarkdownRenderer markdown, PageBodies bodies) =>
        Import(functions, theme, index, _ => markdown, bodies);

    /// <param name="markdownOf">The renderer of a page's own edition, so the Spanish handout embeds the exercises with the Spanish glossary.</param>
    public static void Import(ScriptObject functions, Theme theme, SiteIndex index, Func<Page, MarkdownRenderer> markdownOf, PageBodies bodies)
    {
        var self = new ThemeFunctions(theme, index, markdownOf, bodies);
        functions.SetValue("section_pages", DelegateCustomFunction.CreateFunc<string?, ScriptArray>(self.SectionPages), readOnly: true);
        functions.SetValue("page_file_url", DelegateCustomFunction.CreateFunc<string?, string?, string?>(self.PageFileUrl), readOnly: true);
        functions.SetValue("asset_text", DelegateCustomFunction.CreateFunc<string?, string>(self.AssetText), readOnly: true);
        functions.SetValue("asset_sha256", DelegateCustomFunction.CreateFunc<string?, string>(self.AssetSha256), readOnly: true);
        // A theme may link to a page the site might not have (the home page, the urgent-help page): it asks first.
        functions.SetValue("page_url", DelegateCustomFunction.CreateFunc<string?, string?>(source => source is not null && index.PageAt(source) is { } page ? index.WithBasePath(page.Url) : null), readOnly: true);
        functions.SetValue("has_template", DelegateCustomFunction.CreateFunc<string?, bool>(name => name is not null && theme.Templates.ContainsKey(name)), readOnly: true);
        ReaderFunctions.Import(functions, index);
    }

    /// <summary>The pages directly in <paramref name="folder"/> (not its index), in navigation order, each with its
    /// rendered content and, for exercise pages, the HTML of its <c>:::steps</c> list alone.</summary>
    public ScriptArray SectionPages(string? folder)
    {
        var wanted = (folder ?? string.Empty).Trim('/');
        var pages = new ScriptArray();
        foreach (var page in index.Pages
                     .Where(p => !p.IsSectionIndex && p.Folder == wanted)
                     .OrderBy(p => p.FrontMatter.Order ?? int.MaxValue)
                     .ThenBy(p => p.FrontMatter.Title, StringComparer.Ordinal)
                     .ThenBy(p => p.Source.RelativePath, StringComparer.Ordinal))
        {
            // Each page reports its own Markdown problems when it is rendered itself; here they would be duplicates.
            // The text comes from where every page's text comes from: a page without its body cannot be rendered.
            Site.RenderDependencies.Embeds(page.Source.RelativePath);
            var content = bodies.Read(page, new DiagnosticBag()) is { } text ? markdownOf(page).Render(text, index, new DiagnosticBag()) : new RenderedContent(string.Empty, [], []);
            pages.Add(new ScriptObject
            {
                ["title"] = page.FrontMatter.Title,
                ["description"] = page.FrontMatter.Description,
                ["layout"] = page.FrontMatter.Layout,
                ["url"] = index.WithBasePath(page.Url),
                ["source"] = page.Source.RelativePath,
                ["params"] = TemplateModel.ToScript(page.FrontMatter.Values),
                ["content"] = content.Html,
                ["steps"] = StepsOf(content.Html),
            });
        }

        return pages;
    }

    /// <summary>The URL of a file written relative to a page's source, as a Markdown link to it would get.</summary>
    public string? PageFileUrl(string? pageSource, string? path) =>
        string.IsNullOrEmpty(path) ? null : LinkRewriter.Rewrite(path, pageSource ?? string.Empty, index) ?? path;

    /// <summary>A theme asset with comments and indentation removed, ready to inline.</summary>
    public string AssetText(string? relative) => _assets.GetOrAdd(relative ?? string.Empty, Load);

    /// <summary>The CSP source expression (<c>'sha256-…'</c>) that allows the inlined asset in a <c>style</c> element.</summary>
    /// <remarks>Hashed once per build: every page's policy carries it, and the stylesheet is the same for all.</remarks>
    public string AssetSha256(string? relative) => _hashes.GetOrAdd(relative ?? string.Empty, r =>
        "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(AssetText(r)))) + "'");

    private string Load(string relative)
    {
        // Compared with the separator on real paths: "../default-other/x" shares the prefix "themes/default" as a string,
        // and a symbolic link inside the theme may lead anywhere.
        var path = Path.GetFullPath(Path.Combine(theme.Root, relative));
        if (!path.StartsWith(Path.TrimEndingDirectorySeparator(Path.GetFullPath(theme.Root)) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || !InputTree.IsInside(theme.RealRoot, Output.RealPath.Resolve(path))
            || FileKinds.Of(path, followLinks: true) != FileKind.Regular)
        {
            throw new ScriptRuntimeException(default, $"The theme has no asset '{relative}'.");
        }

        return Minify(FileKinds.ReadAllText(path));
    }

    /// <summary>Comments, indentation and blank lines cost bytes in every page; gzip would only partly win them back.</summary>
    internal static string Minify(string css)
    {
        var withoutComments = CssComment().Replace(css, string.Empty);
        var lines = withoutComments.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    private static string StepsOf(string html)
    {
        var start = html.IndexOf("<ol class=\"steps\"", StringComparison.Ordinal);
        var end = start < 0 ? -1 : html.IndexOf("</ol>", start, StringComparison.Ordinal);
        return end < 0 ? string.Empty : html[start..(end + "</ol>".Length)];
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CssComment();
}
