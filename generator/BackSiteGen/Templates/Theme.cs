using BackSiteGen.Diagnostics;
using Scriban;

namespace BackSiteGen.Templates;

/// <summary>A theme folder: Scriban layouts and partials, compiled once, and static assets.</summary>
/// <remarks>Every template is parsed up front so a syntax error in any of them is reported, with its line,
/// before a single page is rendered; the compiled templates are then shared by all threads.</remarks>
public sealed class Theme
{
    public const string LayoutsFolder = "layouts";
    public const string AssetsFolder = "assets";

    private readonly Dictionary<string, Template> _templates;

    private Theme(string root, string displayRoot, Dictionary<string, Template> templates)
    {
        Root = root;
        DisplayRoot = displayRoot;
        _templates = templates;
    }

    /// <summary>Absolute path of the theme folder.</summary>
    public string Root { get; }

    /// <summary>The theme folder as printed in diagnostics.</summary>
    public string DisplayRoot { get; }

    /// <summary>Compiled templates by path relative to the theme folder, such as <c>layouts/page.html</c>.</summary>
    public IReadOnlyDictionary<string, Template> Templates => _templates;

    public bool HasLayout(string name) => _templates.ContainsKey(LayoutPath(name));

    public static string LayoutPath(string name) => $"{LayoutsFolder}/{name}.html";

    public string DisplayPathOf(string relative) => DisplayRoot.TrimEnd('/') + "/" + relative;

    public static Theme Load(string root, string displayRoot, DiagnosticBag diagnostics)
    {
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        var theme = new Theme(root, displayRoot, templates);
        foreach (var folder in new[] { LayoutsFolder, "partials" })
        {
            var dir = Path.Combine(root, folder);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(dir, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                var display = theme.DisplayPathOf(relative);
                var text = Content.SourceText.Read(file, display, diagnostics);
                if (text is null)
                {
                    continue;
                }

                var template = Template.Parse(text, relative);
                if (template.HasErrors)
                {
                    foreach (var message in template.Messages)
                    {
                        var span = new SourceSpan(display, message.Span.Start.Line + 1, message.Span.Start.Column + 1);
                        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TemplateSyntax, span, message.Message));
                    }

                    continue;
                }

                templates[relative] = template;
            }
        }

        return theme;
    }
}
