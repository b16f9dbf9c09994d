using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace BackSiteGen.Templates;

/// <summary>Resolves <c>include "partials/x.html"</c> inside the theme folder, and only there.</summary>
/// <remarks>Templates are compiled by <see cref="Theme"/> and handed to every context through its template cache,
/// so this loader only reads a file when an include names something the theme did not compile.</remarks>
public sealed class ThemeTemplateLoader(Theme theme) : ITemplateLoader
{
    /// <remarks>Each name is normalized once: every include of every page asks again (the menu includes a partial per
    /// section), and normalizing made new strings each time.</remarks>
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
        _paths.GetOrAdd(templateName, static name => Markdown.Links.LinkRewriter.Normalize(name.Replace('\\', '/')) is { Length: > 0 } normalized && !Path.IsPathRooted(name) ? normalized : null)
        ?? throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"The include '{templateName}' is outside the theme folder.");

    /// <summary>What <see cref="GetPath"/> made of each name, null for one outside the theme.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _paths = new(StringComparer.Ordinal);

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath)
    {
        var full = Path.GetFullPath(Path.Combine(theme.Root, templatePath));
        // The real path decides: a partial that is a symbolic link out of the theme is not the theme's.
        if (!full.StartsWith(Path.GetFullPath(theme.Root) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || !Content.InputTree.IsInside(theme.RealRoot, Output.RealPath.Resolve(full))
            || Content.FileKinds.Of(full, followLinks: true) != Content.FileKind.Regular)
        {
            throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"The theme has no template '{templatePath}'.");
        }

        return Content.FileKinds.ReadAllText(full);
    }

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
}
