using System.Diagnostics;
using BackSiteGen.Corpus;

var options = CorpusOptions.Parse(args, out var error);
if (options is null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(CorpusOptions.Usage);
    return 2;
}

var stopwatch = Stopwatch.StartNew();
var shape = new SiteShape(options.Pages, options.Seed);
CorpusWriter.Write(shape, options.OutputDirectory);
Console.WriteLine(
    $"wrote {shape.PageCount} pages in {shape.SectionCount} sections to {options.OutputDirectory} " +
    $"(seed {options.Seed}) in {stopwatch.Elapsed.TotalSeconds:F1} s");
return 0;
