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
        RealRoot = Output.RealPath.Resolve(root);
    }

    /// <summary>The theme folder with every symbolic link resolved: what a file's real path must lie inside.</summary>
    public string RealRoot { get; }

    /// <summary>The theme's static files below <c>assets/</c> (full path, path relative to the theme), in ordinal order:
    /// only regular files inside the theme, so a link to a secret is never copied into the site.</summary>
    public IReadOnlyList<(string Full, string Relative)> Assets { get; private set; } = [];

    /// <summary>Absolute path of the theme folder.</summary>
    public string Root { get; }

    /// <summary>The theme folder as printed in diagnostics.</summary>
    public string DisplayRoot { get; }

    /// <summary>Compiled templates by path relative to the theme folder, such as <c>layouts/page.html</c>.</summary>
    public IReadOnlyDictionary<string, Template> Templates => _templates;

    public bool HasLayout(string name) => _templates.ContainsKey(LayoutPath(name));

    /// <summary>Whether any template has a <c>{{ }}</c> that only spaces or tabs precede on its line: the one place
    /// Scriban's automatic indent writes anything (it indents each line of that statement's output by those spaces).</summary>
    public bool HasIndentedStatements { get; private set; }

    private static bool IsIndented(Scriban.Syntax.ScriptNode node)
    {
        if (node is Scriban.Syntax.ScriptEscapeStatement { Indent.Length: > 0 })
        {
            return true;
        }

        foreach (var child in node.Children)
        {
            if (IsIndented(child))
            {
                return true;
            }
        }

        return false;
    }

    public static string LayoutPath(string name) => $"{LayoutsFolder}/{name}.html";

    public string DisplayPathOf(string relative) => DisplayRoot.TrimEnd('/') + "/" + relative;

    public static Theme Load(string root, string displayRoot, DiagnosticBag diagnostics)
    {
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        var theme = new Theme(root, displayRoot, templates);
        var tree = new Content.InputTree(root, "theme", diagnostics);
        theme.Assets = tree.Files(AssetsFolder, theme.DisplayPathOf);
        foreach (var folder in new[] { LayoutsFolder, "partials" })
        {
            foreach (var (file, relative) in tree.Files(folder, theme.DisplayPathOf).Where(f => f.Relative.EndsWith(".html", StringComparison.Ordinal)))
            {
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
                theme.HasIndentedStatements |= template.Page is { } body && IsIndented(body);
            }
        }

        return theme;
    }
}
