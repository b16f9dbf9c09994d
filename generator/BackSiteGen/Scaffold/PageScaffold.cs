using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BackSiteGen.Config;
using BackSiteGen.Diagnostics;
using BackSiteGen.Site;
using Scriban;
using Scriban.Runtime;
using YamlDotNet.RepresentationModel;

namespace BackSiteGen.Scaffold;

/// <summary>Starts a page from the theme's archetype. Review data is written only when the writer says the text was
/// reviewed (<c>--reviewed-by</c>, <c>--reviewed-on</c>): then the reviewer, the review date and the next one at the
/// site's interval. Otherwise the page is <c>draft: true</c>, so it cannot be published until someone fills it in and
/// records its review; whatever the archetype leaves to write starts with "TODO:", which a build refuses.</summary>
public static class PageScaffold
{
    public const string ArchetypesFolder = "archetypes";

    /// <summary>The review interval when site.yml does not set <c>review: { max_interval_years: N }</c>.</summary>
    public const int DefaultReviewYears = 3;

    /// <summary>What the writer must replace; a description is what search results and link previews show.</summary>
    public const string DescriptionPlaceholder = "TODO: one plain sentence that says what this page helps with (shown in search results).";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly JsonWriterOptions YamlStrings = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="path">The new page, relative to the current folder or to the content folder; ".md" is added when missing.</param>
    /// <param name="reviewedBy">Who reviewed the text (a role such as the site's clinical review team, never invented).</param>
    /// <param name="reviewedOn">When it was reviewed; today when only <paramref name="reviewedBy"/> is given.</param>
    public static ScaffoldResult Create(BuildOptions options, PageKind kind, string path, string title, string? description, string? reviewedBy = null, DateOnly? reviewedOn = null)
    {
        var contentDir = options.FullPath(options.ContentDir);
        var themeDir = options.FullPath(options.ThemeDir);
        if (!Directory.Exists(contentDir))
        {
            return Refuse($"The content folder '{options.ContentDir}' does not exist.");
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            return Refuse("Give the page a title with --title \"…\".");
        }

        var target = Target(options, contentDir, path);
        if (target is null)
        {
            return Refuse($"'{path}' is not inside the content folder '{options.ContentDir}'; new pages belong there.");
        }

        var display = options.DisplayPath(target);
        if (File.Exists(target) || Directory.Exists(target))
        {
            return Refuse($"'{display}' already exists; nothing was changed.");
        }

        var archetypeName = kind == PageKind.Exercise ? "exercise" : "page";
        var archetypePath = Path.Combine(themeDir, ArchetypesFolder, archetypeName + ".md");
        if (!File.Exists(archetypePath))
        {
            return Refuse($"The theme has no archetype '{options.DisplayPath(archetypePath)}'.");
        }

        var template = Template.Parse(File.ReadAllText(archetypePath), archetypePath);
        if (template.HasErrors)
        {
            return Refuse($"The archetype '{options.DisplayPath(archetypePath)}' has errors: {string.Join("; ", template.Messages.Select(m => m.ToString()))}");
        }

        var relativePath = Path.GetRelativePath(contentDir, target).Replace('\\', '/');
        var edition = Editions.From(SiteConfigLoader.Load(contentDir, options.DisplayPath(contentDir), null, new DiagnosticBag())).OfSource(relativePath);

        // A page of another edition is reviewed by that edition's team, in its words.
        var config = edition.Config;
        var today = options.Today;
        var reviewed = reviewedBy is not null || reviewedOn is not null;
        var reviewer = string.IsNullOrWhiteSpace(reviewedBy) ? SiteReviewer(config) : reviewedBy.Trim();
        var reviewDate = reviewedOn ?? today;
        if (reviewed && reviewer is null)
        {
            return Refuse("Say who reviewed the page with --reviewed-by \"…\" (site.yml names no editorial_team).");
        }

        if (reviewDate > today)
        {
            return Refuse($"--reviewed-on {reviewDate:yyyy-MM-dd} is after today: a review is recorded once it has happened.");
        }

        var model = new ScriptObject
        {
            ["title"] = title.Trim(),
            ["description"] = string.IsNullOrWhiteSpace(description) ? DescriptionPlaceholder : description.Trim(),
            ["reviewed"] = reviewed,
            ["reviewed_by"] = reviewer,
            ["last_reviewed"] = reviewDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["next_review"] = reviewDate.AddYears(ReviewYears(config)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["layout"] = kind == PageKind.Exercise && File.Exists(Path.Combine(themeDir, "layouts", "exercise.html")) ? "exercise" : null,
        };
        model.SetValue("yaml", DelegateCustomFunction.CreateFunc<string?, string>(Yaml), readOnly: true);
        var context = new TemplateContext { StrictVariables = false, LoopLimit = 1000 };
        context.PushGlobal(model);
        var text = TranslationKeys(template.Render(context), edition, relativePath, contentDir);

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            // CreateNew: a file that appeared since the check above is still never overwritten.
            using var stream = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
            stream.Write(Utf8NoBom.GetBytes(text));
        }
        catch (IOException ex)
        {
            return Refuse($"Cannot write '{display}': {ex.Message}");
        }

        return new ScaffoldResult(target, display, null) { Draft = !reviewed };
    }

    /// <summary>A new page of another edition says what it translates: the mirrored page, with its fingerprint now, so the
    /// build can tell when the source changes after this translation (README, "Languages").</summary>
    private static string TranslationKeys(string text, Edition edition, string relativePath, string contentDir)
    {
        if (edition.IsDefault || !text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return text;
        }

        var source = edition.Relative(relativePath);
        var sourcePath = Path.Combine(contentDir, source);
        if (!File.Exists(sourcePath))
        {
            return "---\ntranslation_of: \"TODO: the page this translates; " + source + " does not exist yet\"\n" + text["---\n".Length..];
        }

        var sourceText = new UTF8Encoding(false).GetString(File.ReadAllBytes(sourcePath));
        var keys = $"translation_of: {source}\ntranslated_from: {Trust.TranslationFingerprint.Of(sourceText)}\n";

        // The translation is due for review when its source is.
        var sourceNext = sourceText.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').FirstOrDefault(l => l.StartsWith("next_review:", StringComparison.Ordinal));
        var lines = text[4..].Split('\n');
        for (var i = 0; sourceNext is not null && i < lines.Length && lines[i] != "---"; i++)
        {
            if (lines[i].StartsWith("next_review:", StringComparison.Ordinal))
            {
                lines[i] = sourceNext.TrimEnd();
            }
        }

        return "---\n" + keys + string.Join('\n', lines);
    }

    /// <summary>The reviewer site.yml names for every page (review.default_reviewer, else editorial_team), read tolerantly.</summary>
    private static string? SiteReviewer(SiteConfig config)
    {
        var fallback = config.Sections.TryGetValue("review", out var review)
            && review.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "default_reviewer" }).Value is YamlScalarNode { Value: { } text }
            && !string.IsNullOrWhiteSpace(text)
                ? text
                : null;
        return fallback ?? (string.IsNullOrWhiteSpace(config.EditorialTeam) ? null : config.EditorialTeam);
    }

    /// <summary>Where the page goes: the path as written if that is inside the content folder, else the path below it.</summary>
    private static string? Target(BuildOptions options, string contentDir, string path)
    {
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var withExtension = path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? path : path.TrimEnd('/', '\\') + ".md";
        foreach (var candidate in new[] { options.FullPath(withExtension), Path.GetFullPath(withExtension, contentDir) })
        {
            if (candidate.StartsWith(contentDir + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                var relative = Path.GetRelativePath(contentDir, candidate).Replace('\\', '/');

                // Names starting with '_' or '.' are never published: a page there would silently not exist.
                return relative.Split('/').Any(s => s.StartsWith('_') || s.StartsWith('.')) ? null : candidate;
            }
        }

        return null;
    }

    /// <summary>site.yml's <c>review.max_interval_years</c>, read tolerantly: anything but a whole number from 1 to 10 means the default.</summary>
    public static int ReviewYears(SiteConfig config) =>
        config.Sections.TryGetValue("review", out var review)
        && review.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "max_interval_years" }).Value is YamlScalarNode { Value: { } text }
        && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var years) && years is >= 1 and <= 10
            ? years
            : DefaultReviewYears;

    /// <summary>A YAML double-quoted string (JSON's syntax, which YAML reads the same), so a title with ':' or '#' stays one value.</summary>
    public static string Yaml(string? value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, YamlStrings))
        {
            json.WriteStringValue(value ?? string.Empty);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static ScaffoldResult Refuse(string why) => new(null, null, why);
}
