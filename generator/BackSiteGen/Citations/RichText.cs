using System.Text;

namespace BackSiteGen.Citations;

/// <summary>Text styles CSL's rich-text markup can give a title.</summary>
[Flags]
public enum RichStyle
{
    None = 0,
    Italic = 1,
    Bold = 2,
    Sub = 4,
    Sup = 8,
    SmallCaps = 16,

    /// <summary><c>&lt;span class="nocase"&gt;</c>: never changed by title case ("mRNA", "von").</summary>
    NoCase = 32,
}

/// <summary>One run of text with one style.</summary>
public readonly record struct RichRun(string Text, RichStyle Style);

/// <summary>A title as Zotero and pandoc write it: CSL's HTML-like rich text (<c>&lt;i&gt;</c>, <c>&lt;b&gt;</c>, <c>&lt;sub&gt;</c>,
/// <c>&lt;sup&gt;</c>, <c>&lt;span class="nocase"&gt;</c>, <c>&lt;span style="font-variant:small-caps;"&gt;</c>) and, in CSL-YAML,
/// pandoc's Markdown (<c>*i*</c>, <c>**b**</c>, <c>^sup^</c>, <c>~sub~</c>, <c>[x]{.nocase}</c>, <c>[x]{.smallcaps}</c>).</summary>
/// <remarks>Only those tags become markup; every other character reaches readers escaped, so a title can never inject
/// HTML. A tag that is not one of them is reported (the text keeps it, escaped).</remarks>
public sealed class RichText
{
    private RichText(IReadOnlyList<RichRun> runs) => Runs = runs;

    public IReadOnlyList<RichRun> Runs { get; }

    public string Plain => string.Concat(Runs.Select(r => r.Text));

    public static RichText FromPlain(string text) => new([new RichRun(text, RichStyle.None)]);

    /// <summary>Parses <paramref name="text"/>; <paramref name="markdown"/> also reads pandoc's Markdown (CSL-YAML).
    /// <paramref name="problem"/> names the first markup not understood.</summary>
    public static RichText Parse(string text, bool markdown, out string? problem)
    {
        problem = null;
        var runs = new List<RichRun>();
        var stack = new List<(string Close, RichStyle Style)>();
        var current = new StringBuilder();
        var style = RichStyle.None;

        void Flush()
        {
            if (current.Length > 0)
            {
                runs.Add(new RichRun(current.ToString(), style));
                current.Clear();
            }
        }

        void Open(string close, RichStyle added)
        {
            Flush();
            stack.Add((close, added));
            style |= added;
        }

        bool TryClose(string close)
        {
            for (var k = stack.Count - 1; k >= 0; k--)
            {
                if (stack[k].Close != close)
                {
                    continue;
                }

                Flush();
                stack.RemoveRange(k, stack.Count - k);
                style = RichStyle.None;
                foreach (var (_, s) in stack)
                {
                    style |= s;
                }

                return true;
            }

            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '<')
            {
                var end = text.IndexOf('>', i + 1);
                if (end > i)
                {
                    var tag = text[(i + 1)..end].Trim();
                    if (Tag(tag) is { } opened)
                    {
                        Open(opened.Close, opened.Style);
                        i = end;
                        continue;
                    }

                    if (tag.StartsWith('/') && TryClose(tag[1..].Trim().ToLowerInvariant()))
                    {
                        i = end;
                        continue;
                    }

                    if (tag.Length > 0 && (char.IsLetter(tag[0]) || tag[0] == '/'))
                    {
                        problem ??= $"the markup <{tag}> is not CSL rich text (only <i>, <b>, <sub>, <sup>, <span class=\"nocase\"> and small caps); it is shown as text";
                    }
                }
            }
            else if (markdown && Markdown(text, ref i, Open, TryClose, stack))
            {
                continue;
            }
            else if (markdown && c == '\\' && i + 1 < text.Length && char.IsPunctuation(text[i + 1]))
            {
                current.Append(text[++i]);
                continue;
            }

            current.Append(c);
        }

        Flush();
        return new RichText(runs);
    }

    private static (string Close, RichStyle Style)? Tag(string tag)
    {
        var lower = tag.ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("'", "\"", StringComparison.Ordinal);
        return lower switch
        {
            "i" or "em" => ("i", RichStyle.Italic),
            "b" or "strong" => ("b", RichStyle.Bold),
            "sub" => ("sub", RichStyle.Sub),
            "sup" => ("sup", RichStyle.Sup),
            "spanclass=\"nocase\"" => ("span", RichStyle.NoCase),
            "spanstyle=\"font-variant:small-caps;\"" or "spanstyle=\"font-variant:small-caps\"" or "sc" => (lower == "sc" ? "sc" : "span", RichStyle.SmallCaps),
            _ => null,
        };
    }

    /// <summary>pandoc's inline Markdown in CSL-YAML: emphasis, strong, super- and subscript, and bracketed spans with
    /// the classes citeproc knows.</summary>
    private static bool Markdown(string text, ref int i, Action<string, RichStyle> open, Func<string, bool> close, List<(string Close, RichStyle Style)> stack)
    {
        var c = text[i];
        if (c is '*' or '_')
        {
            var strong = i + 1 < text.Length && text[i + 1] == c;
            var marker = strong ? new string(c, 2) : c.ToString();
            if (stack.Count > 0 && stack[^1].Close == marker)
            {
                close(marker);
                i += marker.Length - 1;
                return true;
            }

            // An opener needs its closer later and must touch a word, as in Markdown ("2 * 3" stays text; "snake_case" too).
            var after = i + marker.Length;
            var before = i > 0 ? text[i - 1] : ' ';
            if (after < text.Length && !char.IsWhiteSpace(text[after]) && !(c == '_' && char.IsLetterOrDigit(before)) && text.IndexOf(marker, after + 1, StringComparison.Ordinal) > after)
            {
                open(marker, strong ? RichStyle.Bold : RichStyle.Italic);
                i += marker.Length - 1;
                return true;
            }

            return false;
        }

        if (c is '^' or '~')
        {
            var marker = c.ToString();
            if (stack.Count > 0 && stack[^1].Close == marker)
            {
                close(marker);
                return true;
            }

            var next = text.IndexOf(c, i + 1);
            if (next > i + 1 && text.AsSpan(i + 1, next - i - 1).IndexOf(' ') < 0)
            {
                open(marker, c == '^' ? RichStyle.Sup : RichStyle.Sub);
                return true;
            }

            return false;
        }

        if (c == '[')
        {
            var endBracket = text.IndexOf("]{.", i + 1, StringComparison.Ordinal);
            if (endBracket < 0 || text.IndexOf('[', i + 1, endBracket - i - 1) >= 0)
            {
                return false;
            }

            var endBrace = text.IndexOf('}', endBracket);
            var cls = endBrace < 0 ? null : text[(endBracket + 3)..endBrace];
            RichStyle? style = cls switch
            {
                "nocase" => RichStyle.NoCase,
                "smallcaps" => RichStyle.SmallCaps,
                _ => null,
            };
            if (style is null)
            {
                return false;
            }

            // Marks the span: the "]{.class}" closes it and is skipped when reached.
            open("]{." + cls + "}", style.Value);
            return true;
        }

        if (c == ']' && stack.Count > 0 && stack[^1].Close.StartsWith("]{.", StringComparison.Ordinal) && text.AsSpan(i).StartsWith(stack[^1].Close, StringComparison.Ordinal))
        {
            var length = stack[^1].Close.Length;
            close(stack[^1].Close);
            i += length - 1;
            return true;
        }

        return false;
    }

    /// <summary>The runs as safe HTML: only the rich-text tags, everything else escaped. Small caps become a class,
    /// because the site's Content-Security-Policy refuses inline styles.</summary>
    public string Html()
    {
        var sb = new StringBuilder();
        foreach (var run in Runs)
        {
            var s = run.Style;
            if (s.HasFlag(RichStyle.Italic))
            {
                sb.Append("<i>");
            }

            if (s.HasFlag(RichStyle.Bold))
            {
                sb.Append("<b>");
            }

            if (s.HasFlag(RichStyle.Sub))
            {
                sb.Append("<sub>");
            }

            if (s.HasFlag(RichStyle.Sup))
            {
                sb.Append("<sup>");
            }

            if (s.HasFlag(RichStyle.SmallCaps))
            {
                sb.Append("<span class=\"small-caps\">");
            }

            sb.Append(AmaFormatter.Escape(run.Text));
            if (s.HasFlag(RichStyle.SmallCaps))
            {
                sb.Append("</span>");
            }

            if (s.HasFlag(RichStyle.Sup))
            {
                sb.Append("</sup>");
            }

            if (s.HasFlag(RichStyle.Sub))
            {
                sb.Append("</sub>");
            }

            if (s.HasFlag(RichStyle.Bold))
            {
                sb.Append("</b>");
            }

            if (s.HasFlag(RichStyle.Italic))
            {
                sb.Append("</i>");
            }
        }

        return sb.ToString();
    }

    /// <summary>The same runs with their text changed, except runs marked nocase.</summary>
    /// <remarks><paramref name="change"/> sees the runs in order (and nocase runs with <c>keep</c> true, so it can follow
    /// the sentence) and returns the new text, which nocase runs ignore.</remarks>
    public RichText Map(Func<string, bool, string> change)
    {
        var runs = new List<RichRun>(Runs.Count);
        foreach (var run in Runs)
        {
            var keep = run.Style.HasFlag(RichStyle.NoCase);
            var changed = change(run.Text, keep);
            runs.Add(keep ? run : run with { Text = changed });
        }

        return new RichText(runs);
    }

    /// <summary>Runs with trailing spaces trimmed from the last one.</summary>
    public RichText TrimEnd()
    {
        if (Runs.Count == 0)
        {
            return this;
        }

        var runs = Runs.ToList();
        runs[^1] = runs[^1] with { Text = runs[^1].Text.TrimEnd() };
        return new RichText(runs);
    }

    public override string ToString() => Plain;
}
