using System.Text;

namespace BackSiteGen.Templates;

/// <summary>Escaping for text and attribute values in templates.</summary>
public static class HtmlText
{
    /// <summary>The text with <c>&amp; &lt; &gt; " '</c> escaped as <see cref="System.Net.WebUtility.HtmlEncode(string)"/>
    /// escapes them, and every other character, accented letters included, left as it is.</summary>
    public static string? Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '"' => escaped.Append("&quot;"),
                '\'' => escaped.Append("&#39;"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }
}
