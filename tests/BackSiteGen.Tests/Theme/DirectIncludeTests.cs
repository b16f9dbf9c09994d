using BackSiteGen.Templates;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace BackSiteGen.Tests.Theme;

/// <summary>The include that writes a partial straight into its caller's output gives the same text as Scriban's own,
/// for every way a template can call it and every kind of partial: each call form against each partial, with Scriban's
/// automatic indent off (where the direct path runs) and on (where it hands over to Scriban's).</summary>
public sealed class DirectIncludeTests
{
    private static readonly Dictionary<string, string> Partials = new(StringComparer.Ordinal)
    {
        ["plain"] = "<p>{{ page }}</p>\n",
        ["lines"] = "a\n\nb {{ 'x\ny' }}\n  c\n",
        ["loop"] = "{{ for i in 1..3 }}<li>{{ i }}</li>\n{{ end }}",
        ["args"] = "[{{ $1 }}|{{ $2 }}|{{ who }}]",
        ["ret"] = "before{{ ret 'returned' }}after",
        ["nested"] = "<n>{{ include 'plain' }}{{ inner = include 'lines' }}{{ inner | string.size }}</n>",
        ["sets"] = "{{ page = 'changed' }}set",
        ["empty"] = string.Empty,
        ["indented"] = "<ul>\n  {{ include 'loop' }}\n</ul>\n",
        ["capture"] = "{{ capture c }}in {{ include 'plain' }}{{ end }}{{ c }}{{ c }}",
        ["trim"] = "x   {{~ include 'plain' ~}}   y\n",
    };

    private static readonly string[] Calls =
    [
        "{{ include '$' }}",
        "<a>{{ include '$' }}</a>\n{{ include '$' }}",
        "{{~ include '$' ~}}\nafter",
        "{{ x = include '$' }}[{{ x }}]",
        "{{ include '$' | string.upcase }}",
        "{{ include '$' | string.size }}",
        "{{ capture body }}<b>{{ include '$' }}</b>{{ end }}{{ body }}|{{ body }}",
        "{{ for i in 1..2 }}{{ include '$' }}-{{ end }}",
        "{{ if page }}{{ include '$' }}{{ else }}no{{ end }}",
        "{{ func f }}{{ include '$' }}!{{ end }}{{ f }}{{ f }}",
        "{{ func g }}{{ ret include '$' }}{{ end }}{{ g | string.size }}",
        "{{ include '$' 'one' 2 who: 'named' }}",
        "{{ include '$' who: page }}{{ page }}",
        "  {{ include '$' }}\n",
        "{{ [include '$', 'z'] | array.join ',' }}",
        "{{ include '$' }}{{ include '$' }}{{ page }}",
    ];

    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var call in Calls)
        {
            foreach (var partial in Partials.Keys)
            {
                data.Add(call, partial, false);
                data.Add(call, partial, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Writes_what_Scribans_include_writes(string call, string partial, bool autoIndent)
    {
        var source = call.Replace("$", partial, StringComparison.Ordinal);
        var expected = Render(source, autoIndent, direct: false);
        var actual = Render(source, autoIndent, direct: true);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_partial_that_fails_fails_the_render_as_before()
    {
        var source = "a{{ include 'missing' }}b";

        var scriban = Assert.ThrowsAny<Exception>(() => Render(source, autoIndent: false, direct: false));
        var direct = Assert.ThrowsAny<Exception>(() => Render(source, autoIndent: false, direct: true));

        Assert.Equal(scriban.Message, direct.Message);
    }

    private static string Render(string source, bool autoIndent, bool direct)
    {
        var builtins = new TemplateContext().BuiltinObject;
        if (direct)
        {
            var scriban = Assert.IsAssignableFrom<IScriptCustomFunction>(builtins["include"]);
            builtins.Remove("include");
            builtins.SetValue("include", new DirectInclude(scriban), readOnly: true);
        }

        var context = new TemplateContext(builtins) { TemplateLoader = new Loader(), AutoIndent = autoIndent };
        context.PushGlobal(new ScriptObject { ["page"] = "Page & title" });
        var template = Template.Parse(source, "layout");
        Assert.False(template.HasErrors, string.Join('\n', template.Messages));

        // Twice on one context, as the renderer reuses a thread's context from page to page.
        var first = template.Render(context);
        context.Reset();
        context.PushGlobal(new ScriptObject { ["page"] = "Page & title" });
        var second = template.Render(context);
        Assert.Equal(first, second);
        return first;
    }

    private sealed class Loader : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => templateName;

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            Partials.TryGetValue(templatePath, out var text) ? text : throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"No template '{templatePath}'.");

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
    }
}
