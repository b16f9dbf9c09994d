using System.Diagnostics;
using BackSiteGen.Config;
using BackSiteGen.Diagnostics;
using BackSiteGen.Templates;
using BackSiteGen.Tests.Infrastructure;
using Scriban.Runtime;

namespace BackSiteGen.Tests.Hardening;

/// <summary>Templates see plain Scriban objects only: no .NET API, no file outside the theme, no endless work.</summary>
public sealed class TemplateSandboxTests
{
    [Fact]
    public void Templates_cannot_reach_dotnet_types_through_the_model()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + """
            -- content/index.md --
            ---
            title: Home
            description: D
            ---
            -- themes/default/layouts/page.html --
            [{{ page.GetType }}|{{ page.title.GetType }}|{{ page.title.Length }}|{{ site.nav.GetType }}|{{ object.typeof page }}|{{ page.title | object.typeof }}]
            """);

        var run = CliRun.Build(site);

        Assert.True(run.Code == 0, run.All);
        Assert.Equal("[||||object|string]", site.ReadOutput("index.html").Trim());
    }

    [Fact]
    public void A_template_that_works_forever_without_looping_is_stopped_by_the_page_timeout()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + """
            -- themes/default/layouts/page.html --
            <p>
            {{ x = 'a' * 100000 }}{{ for i in 1..99999 }}{{ y = x | string.replace 'a' 'b' }}{{ end }}
            """);
        var diagnostics = new DiagnosticBag();
        var theme = Templates.Theme.Load(Path.Combine(site.Root, "themes/default"), "themes/default", diagnostics);
        var renderer = new TemplateRenderer(theme, TemplateModel.Functions(SiteConfig.Default), TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        var html = renderer.Render("page", new ScriptObject(), new SourceSpan("content/a.md", 1, 1), diagnostics);

        Assert.Null(html);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        var error = Assert.Single(diagnostics.ToSortedList());
        Assert.True(DiagnosticFormatter.ToMsBuild(error).StartsWith("themes/default/layouts/page.html(2,", StringComparison.Ordinal), DiagnosticFormatter.ToMsBuild(error));
        Assert.StartsWith("themes/default/layouts/page.html(2,", DiagnosticFormatter.ToMsBuild(error), StringComparison.Ordinal);
        Assert.Contains("error BSG0402: Rendering content/a.md took longer than 0.2 s", DiagnosticFormatter.ToMsBuild(error), StringComparison.Ordinal);
    }
}
