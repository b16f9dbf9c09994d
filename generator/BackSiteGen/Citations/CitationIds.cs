using System.Text;

namespace BackSiteGen.Citations;

/// <summary>The HTML ids citations and reference entries share, in one place so the renderer, the theme's data and
/// the post-render check cannot drift apart.</summary>
public static class CitationIds
{
    /// <summary>pandoc's id for a reference entry: <c>ref-&lt;key&gt;</c>.</summary>
    public static string Entry(string key) => "ref-" + key;

    /// <summary>The id of a key's first citation on a page, the target of the entry's back link.</summary>
    public static string FirstCitation(string key) => "cite-" + key;

    /// <summary>The id of a source on the site-wide references page (distinct from <see cref="Entry"/>, which pages use).</summary>
    public static string Source(string key) => "source-" + key;

    /// <summary>A fragment link to <paramref name="id"/>. Keys may hold '%', '#', '?', '&lt;' or '&gt;' (pandoc allows them),
    /// which a URL fragment must percent-encode; browsers decode the fragment before matching the id.</summary>
    public static string Href(string id)
    {
        var sb = new StringBuilder(id.Length + 1).Append('#');
        foreach (var c in id)
        {
            if (c is '%' or '#' or '<' or '>' or '"' or '`' or ' ' or '{' or '}' or '|' or '\\' or '^' || char.IsControl(c))
            {
                sb.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
