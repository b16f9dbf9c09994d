using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace BackSiteGen.Templates;

/// <summary>Resolves <c>include "partials/x.html"</c> inside the theme folder, and only there.</summary>
/// <remarks>Templates are compiled by <see cref="Theme"/> and handed to every context through its template cache,
/// so this loader only reads a file when an include names something the theme did not compile.</remarks>
public sealed class ThemeTemplateLoader(Theme theme) : ITemplateLoader
{
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var normalized = Markdown.Links.LinkRewriter.Normalize(templateName.Replace('\\', '/'));
        if (normalized is null || normalized.Length == 0 || Path.IsPathRooted(templateName))
        {
            throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"The include '{templateName}' is outside the theme folder.");
        }

        return normalized;
    }

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
