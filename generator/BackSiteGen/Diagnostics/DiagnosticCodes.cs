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

    public const string BibliographySyntax = "BSG0501";
    public const string BibliographyWrongType = "BSG0502";
    public const string ReferenceDuplicateId = "BSG0503";
    public const string ReferenceIncomplete = "BSG0504";
    public const string ReferenceDoiMalformed = "BSG0505";
    public const string CitationUnknownKey = "BSG0506";
    public const string ReferenceNotCited = "BSG0507";
    public const string CitationWithoutEntry = "BSG0508";
    public const string EntryWithoutCitation = "BSG0509";
    public const string BibliographyTwice = "BSG0510";

    public const string UnknownContainer = "BSG0801";
    public const string ContainerUnclosed = "BSG0802";
    public const string ContainerTextDropped = "BSG0803";
    public const string CareCardHeadingOutranks = "BSG0804";
    public const string ExercisePictureIncomplete = "BSG0850";
    public const string ExercisePictureUnknownKey = "BSG0851";
    public const string ReadabilityTooHard = "BSG0701";
    public const string ReadabilityOverrideWithoutReason = "BSG0702";
    public const string ReviewMissing = "BSG0710";
    public const string ReviewDatesOutOfOrder = "BSG0711";
    public const string ReviewIntervalTooLong = "BSG0712";
    public const string ReviewOverdue = "BSG0713";
    public const string ReviewDueSoon = "BSG0714";
    public const string ReviewInFuture = "BSG0715";
    public const string StructuredDataInvalid = "BSG0720";
    public const string StructuredDataMissing = "BSG0721";
    public const string GlossaryInvalid = "BSG0730";
    public const string GlossaryDuplicate = "BSG0731";
    public const string GlossaryTermUnused = "BSG0732";
    public const string GlossaryPageMissing = "BSG0733";
    public const string ImageWithoutAlt = "BSG0740";
    public const string HeadingLevelSkipped = "BSG0741";
    public const string VagueLinkText = "BSG0742";
    public const string EmptyLink = "BSG0743";
    public const string PublisherMissing = "BSG0750";
    public const string UnfinishedText = "BSG0751";
    public const string PlaceholderAddress = "BSG0760";
    public const string StatisticWithoutSource = "BSG0770";
    public const string StatisticAllowWithoutReason = "BSG0771";
    public const string StatisticAllowUnused = "BSG0772";
    public const string DoseWithoutSource = "BSG0773";
    public const string BrokenLink = "BSG0601";
    public const string BrokenAnchor = "BSG0602";
    public const string MissingResource = "BSG0603";
    public const string DuplicateId = "BSG0604";
    public const string OutsideBasePath = "BSG0605";
    public const string ThirdPartyResource = "BSG0606";
    public const string BrokenExternalLink = "BSG0607";
    public const string BrokenExternalAnchor = "BSG0608";
    public const string BasePathMismatch = "BSG0609";

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
        [BibliographySyntax] = "references.yaml or references.json does not parse.",
        [BibliographyWrongType] = "A bibliography entry or field has the wrong shape (for example no id, or an author that is not a name).",
        [ReferenceDuplicateId] = "Two sources in the bibliography share one id; citations to it would be ambiguous.",
        [ReferenceIncomplete] = "A source has no title or no year, which every AMA reference needs.",
        [ReferenceDoiMalformed] = "A DOI is not of the form 10.<digits>/<suffix>, so its doi.org link would not resolve.",
        [CitationUnknownKey] = "A citation names a key the bibliography does not have.",
        [ReferenceNotCited] = "A source in the bibliography is cited by no page.",
        [CitationWithoutEntry] = "In the built page, a citation links to a reference entry that is not on the page (for example a layout that drops the list).",
        [EntryWithoutCitation] = "In the built page, a reference entry is not linked from any citation, or its back link points nowhere.",
        [BibliographyTwice] = "The content folder has more than one bibliography file; keep one.",
        [UnknownContainer] = "A ':::name' container is not one the theme knows (note, tip, did-you-know, warning, immediate, urgent, non-urgent, steps).",
        [ContainerUnclosed] = "A ':::name' container is never closed, so it takes in everything after it; add a ':::' line where it ends.",
        [ContainerTextDropped] = "Text after a ':::' fence would not be shown (a closing ':::' stands alone; only callouts take a label after their name).",
        [CareCardHeadingOutranks] = "A care card holds a heading of a higher level than its own, usually a section that belongs after the card.",
        [ExercisePictureIncomplete] = "An exercise picture (front matter exercise.pictures) has no label, image or alt text.",
        [ExercisePictureUnknownKey] = "An exercise picture has a key other than label, caption, image and alt.",
        [ReadabilityTooHard] = "The page's Flesch-Kincaid grade is above the limit (readability.max_grade in site.yml, default 8).",
        [ReadabilityOverrideWithoutReason] = "A page raises its own readability limit without saying why (readability: { max_grade, reason }).",
        [ReviewMissing] = "The page has no reviewer, last_reviewed or next_review date; every page needs clinical sign-off.",
        [ReviewDatesOutOfOrder] = "next_review is before last_reviewed.",
        [ReviewIntervalTooLong] = "next_review is further after last_reviewed than the review cycle allows (review.max_interval_years, default 3).",
        [ReviewOverdue] = "The page's next_review date has passed: review it and update the dates.",
        [ReviewDueSoon] = "The page's review falls due soon (review.due_soon_days, default 30).",
        [ReviewInFuture] = "last_reviewed is after the build date.",
        [StructuredDataInvalid] = "A page's JSON-LD does not parse or lacks a required schema.org property.",
        [StructuredDataMissing] = "The theme does not write page.json_ld into the pages' <head>.",
        [GlossaryInvalid] = "glossary.yml does not parse, or an entry lacks its term or definition.",
        [GlossaryDuplicate] = "A glossary term or alias appears twice.",
        [GlossaryTermUnused] = "No page uses a glossary term, so it is never linked.",
        [GlossaryPageMissing] = "There is a glossary.yml but no page with layout: glossary, so terms cannot be linked.",
        [ImageWithoutAlt] = "An image has no alt text (write ![decorative](x.svg) for a purely decorative image).",
        [HeadingLevelSkipped] = "A heading skips a level, or the body has a level-1 heading; screen reader users navigate by headings.",
        [VagueLinkText] = "Link text such as 'click here' or 'read more' does not say where the link goes.",
        [EmptyLink] = "A link has no text, so a screen reader reads only its address.",
        [PublisherMissing] = "site.yml names no publisher; add publisher: { name, url } (the organisation readers can hold to account).",
        [UnfinishedText] = "A placeholder or unfinished-work marker (TODO, TBD, FIXME, XXX, lorem ipsum) is in a page: an error in a build, a warning in serve.",
        [PlaceholderAddress] = "A link or address at a reserved documentation domain (example.com, .example, .invalid, .test, localhost): a note while the site's own URL is one too, an error when publishing to a real one.",
        [StatisticWithoutSource] = "A sentence states a statistic (a percentage, a rate, a count of people or studies, a change in a measure) without a citation in the same sentence or list item.",
        [StatisticAllowWithoutReason] = "A page's statistics.allow entry has no text or no reason.",
        [StatisticAllowUnused] = "A page's statistics.allow entry matches no sentence that needs it; remove it.",
        [DoseWithoutSource] = "A page gives doses (rounds, seconds, times a day) but does not say where they come from: no citation or #link in the section that gives them.",
        [BrokenLink] = "A link points to a page or file that is not in the built site (links: broken_page).",
        [BrokenAnchor] = "A link's #fragment is not an id on the page it points to (links: broken_anchor).",
        [MissingResource] = "An image, stylesheet, script, media file, frame or CSS url() is not in the built site (links: missing_resource).",
        [DuplicateId] = "Two elements on one page have the same id; links to it reach only the first (links: duplicate_id).",
        [OutsideBasePath] = "A root-relative URL does not start with the site's base path, so it leaves the site when published (links: outside_base_path).",
        [ThirdPartyResource] = "A page loads a script, stylesheet, font, image, media or frame from another origin, which learns who reads it (links: third_party_resource).",
        [BrokenExternalLink] = "With --external: a link to another site failed (4xx, 5xx after retries, timeout, no such host) (links: broken_external).",
        [BrokenExternalAnchor] = "With --external: a link's #fragment is not an id on the other site's page (links: broken_external_anchor).",
        [BasePathMismatch] = "Many root-relative links miss their page by exactly a base path: the site was probably built or checked with another --base-url.",
    };
}
