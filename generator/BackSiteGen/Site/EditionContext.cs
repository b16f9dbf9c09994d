using BackSiteGen.Content;
using BackSiteGen.Markdown;
using BackSiteGen.Templates;
using Scriban.Runtime;

namespace BackSiteGen.Site;

/// <summary>What one edition's pages render with: its <c>site</c> model (title, menu, glossary in its language), its
/// Markdown renderer (its glossary, its care-card prefixes), its theme strings, and the template functions bound to
/// it (<c>t</c>, <c>format_date</c>, <c>page_url</c> inside the edition, <c>topic_index</c> of its pages).</summary>
public sealed record EditionContext(Edition Edition, ScriptObject SiteModel, MarkdownRenderer Markdown, ThemeStrings Strings, ScriptObject Functions)
{
    /// <summary>The template functions bound to this edition, shadowing the shared ones of the same name.</summary>
    internal static ScriptObject FunctionsFor(Edition edition, Editions editions, ThemeStrings strings, SiteIndex index)
    {
        var reader = new ReaderFunctions(index);
        var functions = new ScriptObject();
        functions.SetValue("t", DelegateCustomFunction.CreateFunc<string?, string>(key => strings.Get(key ?? string.Empty)), readOnly: true);
        functions.SetValue("format_date", DelegateCustomFunction.CreateFunc<object?, string>(value => FormatDate(value, strings)), readOnly: true);
        functions.SetValue("page_url", DelegateCustomFunction.CreateFunc<string?, string?>(source => source is not null && index.PageAt(edition.Root + source) is { } page ? index.WithBasePath(page.Url) : null), readOnly: true);
        functions.SetValue("topic_index", DelegateCustomFunction.CreateFunc<ScriptArray?, ScriptArray>(glossary => reader.TopicIndex(glossary, p => editions.Of(p) == edition, strings.Get("topics.glossary_meaning"))), readOnly: true);
        return functions;
    }

    /// <summary>A review date in the edition's language; the same forms <see cref="TemplateModel.FormatDate"/> accepts.</summary>
    internal static string FormatDate(object? value, ThemeStrings strings) => value switch
    {
        DateTime d => strings.FormatDate(DateOnly.FromDateTime(d)),
        DateOnly d => strings.FormatDate(d),
        string s when DateOnly.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var d) => strings.FormatDate(d),
        _ => string.Empty,
    };

    /// <summary>The globals a page of this edition renders with: the edition's functions, then <c>site</c> and <c>page</c>.</summary>
    internal ScriptObject Globals(ScriptObject site, ScriptObject page)
    {
        var globals = new ScriptObject();
        foreach (var (name, function) in Functions)
        {
            globals[name] = function;
        }

        globals["site"] = site;
        globals["page"] = page;
        return globals;
    }
}
