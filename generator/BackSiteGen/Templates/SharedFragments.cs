using System.Collections.Concurrent;
using System.Text;
using Scriban.Runtime;
using Scriban.Syntax;

namespace BackSiteGen.Templates;

/// <summary>Parts of a page that every page shares, rendered once per build instead of once per page: the theme's
/// <c>render_list items 'partials/x.html' page.url</c> renders the partial once for each item as the current page
/// and once as any other, then splices each page's list from those.</summary>
/// <remarks>A site menu is the same list on every page except for which item is marked current. Rendered in the page's
/// own loop it cost the whole list per page (twice: header and footer), so a flat site of 1,000 top-level pages spent
/// 7.7 s of its build on menus; spliced, a page pays only for copying its bytes. The partial sees <c>site</c>,
/// <c>item</c> and <c>current</c> (whether the item is the page being rendered) beside its edition's functions (<c>t</c>,
/// <c>format_date</c>, …), never <c>page</c>: what it writes must not depend on anything else, and a partial that reads
/// <c>page</c> gets nothing. One instance per edition of a loaded site, so a rebuild in <c>serve</c> starts empty.</remarks>
internal sealed class SharedFragments(TemplateRenderer templates, ScriptObject siteModel, ScriptObject functions)
{
    private readonly ConcurrentDictionary<(ScriptArray Items, string Partial), Lazy<RenderedList>> _lists = new();

    /// <summary>Adds <c>render_list</c> to an edition's <paramref name="functions"/>, rendering with that edition's site
    /// model and functions.</summary>
    public static void Import(ScriptObject functions, TemplateRenderer templates, ScriptObject siteModel)
    {
        var self = new SharedFragments(templates, siteModel, functions);
        functions.SetValue("render_list", DelegateCustomFunction.CreateFunc<ScriptArray?, string?, string?, string>(self.RenderList), readOnly: true);
    }

    /// <summary>The items' partials in order, with the item whose <c>url</c> is <paramref name="currentUrl"/> as the
    /// current one.</summary>
    public string RenderList(ScriptArray? items, string? partial, string? currentUrl)
    {
        if (items is null || items.Count == 0)
        {
            return string.Empty;
        }

        if (string.IsNullOrEmpty(partial))
        {
            throw new ScriptRuntimeException(default, "render_list needs the partial that renders one item, such as 'partials/nav-item.html'.");
        }

        var list = _lists.GetOrAdd((items, partial), key => new Lazy<RenderedList>(() => Render(key.Items, key.Partial), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        if (list.Failure is { } failure)
        {
            throw new ScriptRuntimeException(default, failure);
        }

        if (currentUrl is null || !list.IndexByUrl.TryGetValue(currentUrl, out var indexes))
        {
            return list.Plain;
        }

        if (indexes.Count == 1)
        {
            var (start, length) = list.Spans[indexes[0]];
            return string.Concat(list.Plain.AsSpan(0, start), list.Current[indexes[0]], list.Plain.AsSpan(start + length));
        }

        var html = new StringBuilder(list.Plain.Length + 64);
        var from = 0;
        foreach (var index in indexes)
        {
            var (start, length) = list.Spans[index];
            html.Append(list.Plain, from, start - from).Append(list.Current[index]);
            from = start + length;
        }

        return html.Append(list.Plain, from, list.Plain.Length - from).ToString();
    }

    private RenderedList Render(ScriptArray items, string partial)
    {
        var plain = new StringBuilder();
        var spans = new (int Start, int Length)[items.Count];
        var current = new string[items.Count];
        var byUrl = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var asOther = templates.RenderPartial(partial, Globals(item, current: false), out var failure);
            var asCurrent = asOther is null ? null : templates.RenderPartial(partial, Globals(item, current: true), out failure);
            if (asOther is null || asCurrent is null)
            {
                return new RenderedList(string.Empty, [], [], byUrl) { Failure = failure };
            }

            spans[i] = (plain.Length, asOther.Length);
            current[i] = asCurrent;
            plain.Append(asOther);

            // Every item with the page's URL is current, as in a loop comparing page.url with item.url.
            if (item is ScriptObject obj && obj["url"] is string url)
            {
                if (!byUrl.TryGetValue(url, out var same))
                {
                    byUrl[url] = same = [];
                }

                same.Add(i);
            }
        }

        return new RenderedList(plain.ToString(), spans, current, byUrl);
    }

    private ScriptObject Globals(object? item, bool current)
    {
        var globals = new ScriptObject();
        foreach (var (name, function) in functions)
        {
            globals[name] = function;
        }

        globals["site"] = siteModel;
        globals["item"] = item;
        globals["current"] = current;
        return globals;
    }

    private sealed record RenderedList(string Plain, (int Start, int Length)[] Spans, string[] Current, Dictionary<string, List<int>> IndexByUrl)
    {
        public string? Failure { get; init; }
    }
}
