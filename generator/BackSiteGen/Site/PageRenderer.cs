using BackSiteGen.Content;
using BackSiteGen.Diagnostics;
using BackSiteGen.Markdown;
using BackSiteGen.Templates;
using BackSiteGen.Trust;
using Scriban.Runtime;

namespace BackSiteGen.Site;

/// <summary>A page turned into its final HTML.</summary>
public sealed record RenderedPage(Page Page, string Layout, RenderedContent Content, string Html)
{
    /// <summary>What the trust checks found, for the closing report.</summary>
    public PageFacts? Trust { get; init; }

    /// <summary>Source paths of the other pages whose text this page embeds (see <see cref="RenderDependencies"/>).</summary>
    public IReadOnlyCollection<string> EmbeddedPages { get; init; } = [];
}

/// <summary>Renders one page: Markdown, then its layout. Pure given the page and the site, so pages render in any order,
/// in parallel, and <c>serve</c> can re-render just the pages an edit touches.</summary>
public static class PageRenderer
{
    /// <param name="siteModel">Replaces the shared <c>site</c> model, for pages that need more of it (the references page).</param>
    public static RenderedPage? Render(PageText text, SiteContext site, DiagnosticBag diagnostics, ScriptObject? siteModel = null)
    {
        using var recording = RenderDependencies.Record();
        var page = text.Page;
        var (content, layout, globals) = Prepare(text, site, diagnostics, siteModel);
        var pageSpan = page.FrontMatter.SpanOf("layout", page.Source.DisplayPath);
        var html = site.Templates.Render(layout, globals, pageSpan, diagnostics);
        return html is null ? null : new RenderedPage(page, layout, content, html)
        {
            Trust = TrustStage.CheckRenderedPage(page, layout, content, html, site, diagnostics),
            EmbeddedPages = [.. recording.Dependencies.EmbeddedPages],
        };
    }

    /// <summary>Renders the page again recording which template wrote what, for placing a finding in a partial.</summary>
    public static TemplateTrace? Trace(PageText text, SiteContext site)
    {
        var (_, layout, globals) = Prepare(text, site, new DiagnosticBag(), null);
        return site.Templates.Trace(layout, globals);
    }

    private static (RenderedContent Content, string Layout, ScriptObject Globals) Prepare(PageText text, SiteContext site, DiagnosticBag diagnostics, ScriptObject? siteModel)
    {
        var page = text.Page;
        var edition = site.EditionOf(page);
        var content = site.MarkdownOf(page).Render(text, site.Index, diagnostics);
        var layout = LayoutOf(page, site.Theme);
        var pageModel = TemplateModel.Page(page, content, site.Navigation.PlaceOf(page), edition?.Edition.Config ?? site.Config, layout);
        LanguageModel.AddToPageModel(pageModel, page, site);
        TrustStage.AddToPageModel(pageModel, page, layout, site);
        var globals = edition is null
            ? new ScriptObject { ["site"] = siteModel ?? site.SiteModel, ["page"] = pageModel }
            : edition.Globals(siteModel ?? edition.SiteModel, pageModel);
        return (content, layout, globals);
    }

    public static string LayoutOf(Page page, Theme theme)
    {
        if (page.FrontMatter.Layout is { } layout)
        {
            return layout;
        }

        // An edition's home page (es/index.md) is a home page too.
        var isHome = page.Source.RelativePath == "index.md" || (page.Language.Length > 0 && page.Source.RelativePath == page.Language + "/index.md");
        return isHome && theme.HasLayout("home") ? "home" : "page";
    }
}
