namespace BackSiteGen.Diagnostics;

/// <summary>Every diagnostic code, listed once with the one line that explains it.</summary>
/// <remarks>Ranges: 00xx files and options, 01xx site.yml, 02xx pages and front matter, 03xx Markdown,
/// 04xx templates, 05xx citations, 06xx links and anchors, 07xx trust checks, 08xx theme and privacy.</remarks>
public static class DiagnosticCodes
{
    public const string OutputFolderRefused = "BSG0001";
    public const string FolderMissing = "BSG0002";
    public const string FileSystemError = "BSG0003";
    public const string OutputLocked = "BSG0004";
    public const string InternalError = "BSG0005";

    public const string ConfigSyntax = "BSG0101";
    public const string ConfigUnknownKey = "BSG0102";
    public const string ConfigWrongType = "BSG0103";

    public const string FrontMatterUnclosed = "BSG0201";
    public const string FrontMatterSyntax = "BSG0202";
    public const string FrontMatterNotMapping = "BSG0203";
    public const string FrontMatterMissingKey = "BSG0204";
    public const string FrontMatterUnknownKey = "BSG0205";
    public const string FrontMatterWrongType = "BSG0206";
    public const string InvalidUtf8 = "BSG0207";
    public const string EmptyFile = "BSG0208";
    public const string OutputPathCollision = "BSG0209";
    public const string PermalinkLeavesSite = "BSG0210";
    public const string CaseOnlyCollision = "BSG0211";
    public const string SymbolicLinkLoop = "BSG0212";

    public const string NestingTooDeep = "BSG0301";
    public const string ScriptInContent = "BSG0302";
    public const string IframeInContent = "BSG0303";
    public const string EventHandlerInContent = "BSG0304";
    public const string ScriptUrlInContent = "BSG0305";
    public const string PageTooLarge = "BSG0306";

    public const string TemplateSyntax = "BSG0401";
    public const string TemplateRuntime = "BSG0402";
    public const string LayoutMissing = "BSG0403";

    /// <summary>One line per code, for `backsitegen explain` and the README.</summary>
    public static IReadOnlyDictionary<string, string> Explanations { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [OutputFolderRefused] = "The output folder is, or contains, the content or theme folder or the repository root; nothing was deleted.",
        [FolderMissing] = "A folder named on the command line does not exist.",
        [FileSystemError] = "A file could not be read or written (permissions, a full disk, a path too long).",
        [OutputLocked] = "Another build is writing into the same output folder.",
        [InternalError] = "A bug in BackSiteGen; please report it with the output of --verbose.",
        [ConfigSyntax] = "site.yml is not valid YAML or not a mapping.",
        [ConfigUnknownKey] = "site.yml has a key BackSiteGen does not know (probably a typo).",
        [ConfigWrongType] = "A site.yml value has the wrong type (for example a list where text belongs).",
        [FrontMatterUnclosed] = "The front matter starts with --- but has no closing --- line.",
        [FrontMatterSyntax] = "The front matter is not valid YAML.",
        [FrontMatterNotMapping] = "The front matter must be a mapping of keys to values.",
        [FrontMatterMissingKey] = "A required front matter key (title, description) is missing or empty.",
        [FrontMatterUnknownKey] = "The front matter has a key BackSiteGen does not know (probably a typo).",
        [FrontMatterWrongType] = "A front matter value has the wrong type (for example a date that is not a date).",
        [InvalidUtf8] = "The file is not valid UTF-8.",
        [EmptyFile] = "The page is empty.",
        [OutputPathCollision] = "Two pages, or a page and a file, would be written to the same output path.",
        [PermalinkLeavesSite] = "A permalink or path tries to leave the site.",
        [CaseOnlyCollision] = "Two files differ only in letter case; they collide on macOS and Windows checkouts.",
        [SymbolicLinkLoop] = "A symbolic link points back into a folder above it; it was skipped.",
        [NestingTooDeep] = "Lists, block quotes, links or emphasis are nested deeper than 64 levels, which BackSiteGen does not render.",
        [ScriptInContent] = "Content has a <script> element; allowed only with security.allow_scripts in site.yml.",
        [IframeInContent] = "Content embeds another page (<iframe>, <object>, <embed>); allowed only with security.allow_iframes in site.yml.",
        [EventHandlerInContent] = "Content has an on* event attribute, which runs a script; allowed only with security.allow_scripts.",
        [ScriptUrlInContent] = "Content has a javascript: URL in a link or attribute; allowed only with security.allow_scripts.",
        [PageTooLarge] = "A page renders to more than 16 MB of HTML; split it into several pages.",
        [TemplateSyntax] = "A layout or partial has a Scriban syntax error.",
        [TemplateRuntime] = "A layout or partial failed while rendering a page.",
        [LayoutMissing] = "The layout a page asks for does not exist in the theme.",
    };
}
