namespace BackSiteGen.Corpus;

/// <summary>Writes both copies of the corpus: DIR/backsitegen/{content,theme} and DIR/hugo.</summary>
internal static class CorpusWriter
{
    private const string SiteYaml = "title: Corpus\nbase_url: https://example.org/\npublisher: { name: Corpus publisher }\neditorial_team: Corpus review team\n";

    public static void Write(SiteShape shape, string outputDirectory)
    {
        var oursRoot = Path.Combine(outputDirectory, "backsitegen");
        var hugoRoot = Path.Combine(outputDirectory, "hugo");
        // Start clean: pages left over from a larger run would otherwise be built and measured too.
        Recreate(oursRoot);
        Recreate(hugoRoot);

        var oursContent = Path.Combine(oursRoot, "content");
        Directory.CreateDirectory(oursContent);
        File.WriteAllText(Path.Combine(oursContent, "site.yml"), SiteYaml);
        File.WriteAllText(Path.Combine(oursContent, "references.yaml"), ReferenceLibrary.ToCslYaml());
        HugoScaffold.Write(hugoRoot);
        BackSiteGenScaffold.Write(Path.Combine(oursRoot, "theme"));

        var copies = new[]
        {
            new ContentCopy(oursContent, new BackSiteGenDialect(shape), shape),
            new ContentCopy(Path.Combine(hugoRoot, "content"), new HugoDialect(shape), shape),
        };
        foreach (var copy in copies)
        {
            copy.WriteHomeAndOverviews();
        }
        // Pages are independent (each has its own random streams), so order does not change a byte.
        Parallel.For(1, shape.PageCount + 1, page =>
        {
            foreach (var copy in copies)
            {
                copy.WritePage(page);
            }
        });
    }

    private static void Recreate(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
        Directory.CreateDirectory(directory);
    }

    private sealed class ContentCopy(string root, IMarkupDialect dialect, SiteShape shape)
    {
        private readonly PageComposer _composer = new(shape, dialect);

        public void WriteHomeAndOverviews()
        {
            Directory.CreateDirectory(root);
            Write(Location.Home, _composer.Home());
            for (var section = 1; section <= shape.SectionCount; section++)
            {
                Directory.CreateDirectory(Path.Combine(root, shape.SectionSlug(section)));
                Write(Location.Overview(section), _composer.Overview(section));
            }
        }

        public void WritePage(int page) => Write(Location.PageIn(shape, page), _composer.Page(page));

        private void Write(Location page, string text) =>
            File.WriteAllText(Path.Combine(root, dialect.FilePath(page)), text);
    }
}
