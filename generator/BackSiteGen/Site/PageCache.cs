using System.Security.Cryptography;
using System.Text;
using BackSiteGen.Checks;
using BackSiteGen.Citations;
using BackSiteGen.Content;
using BackSiteGen.Diagnostics;
using BackSiteGen.Markdown;
using BackSiteGen.Trust;
using BackSiteGen.Trust.Readability;

namespace BackSiteGen.Site;

/// <summary>What each page's outcome leaves behind, kept in the output's marker so the next build can reuse a page whose
/// body and shared inputs did not change instead of rendering it: its findings, what the references page, the trust
/// summary and the report read of it, and its link facts. Never the page itself (the current one is attached by its
/// source path) nor its HTML (the output file is, verified against the manifest's hash).</summary>
/// <remarks>A compact binary record (strings once, in a table; numbers as 7-bit varints), compressed, in base64 on one
/// marker line. It ends with a SHA-256 of itself, so a damaged or hand-edited record is told apart from a valid one and never trusted.
/// Deterministic: the same outcomes give the same bytes, so a build stays byte for byte reproducible.</remarks>
internal static class PageCache
{
    /// <summary>The record's format; a marker with another one is simply not reused.</summary>
    public const string Version = "1";

    public static string Write(string shared, IEnumerable<(PageOutcome Outcome, string Body)> pages) => Convert.ToBase64String(WriteSealed(shared, pages).AsSpan());

    /// <summary>The record as <see cref="Write"/> makes it, before base64: the marker encodes it as it writes it.</summary>
    public static ArraySegment<byte> WriteSealed(string shared, IEnumerable<(PageOutcome Outcome, string Body)> pages)
    {
        var list = pages.Where(p => p.Outcome.Summary is not null && p.Outcome.Links is not null).OrderBy(p => p.Outcome.Page.Source.RelativePath, StringComparer.Ordinal).ToList();
        using var writer = new Writer(1024 + (list.Count * 1536));
        writer.Str(shared);
        writer.Int(list.Count);
        foreach (var (outcome, body) in list)
        {
            WritePage(writer, outcome, body);
        }

        return writer.Seal();
    }

    /// <summary>The cached pages by source path, when <paramref name="blob"/> was written for these shared inputs; null when
    /// not (or it is damaged: then <paramref name="damaged"/> is true).</summary>
    public static Dictionary<string, CachedPage>? Read(string blob, string shared, out bool damaged) => Read(Encoding.UTF8.GetBytes(blob), shared, out damaged);

    /// <inheritdoc cref="Read(string, string, out bool)"/>
    public static Dictionary<string, CachedPage>? Read(ReadOnlySpan<byte> base64, string shared, out bool damaged)
    {
        damaged = false;
        try
        {
            var bytes = new byte[System.Buffers.Text.Base64.GetMaxDecodedFromUtf8Length(base64.Length)];
            if (System.Buffers.Text.Base64.DecodeFromUtf8(base64, bytes, out var consumed, out var written) != System.Buffers.OperationStatus.Done || consumed != base64.Length)
            {
                damaged = true;
                return null;
            }

            if (written < 36 || !SHA256.HashData(bytes.AsSpan(0, written - 32)).AsSpan().SequenceEqual(bytes.AsSpan(written - 32, 32)))
            {
                damaged = true;
                return null;
            }

            var payload = Opened(bytes, written);
            using var reader = new Reader(payload, payload.Length);
            if (reader.Str() != shared)
            {
                return null;
            }

            var count = reader.Count();
            var pages = new Dictionary<string, CachedPage>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var page = ReadPage(reader);
                pages[page.Source] = page;
            }

            if (!reader.AtEnd)
            {
                damaged = true;
                return null;
            }

            return pages;
        }
        catch (Exception ex) when (ex is FormatException or EndOfStreamException or IOException or ArgumentException or OverflowException or InvalidDataException or IndexOutOfRangeException)
        {
            damaged = true;
            return null;
        }
    }

    /// <summary>The record compressed (links and ids repeat from page to page: a quarter of the size, for a few
    /// milliseconds), then its SHA-256, which <see cref="Read"/> checks before it reads a byte.</summary>
    /// <remarks>Its length comes first, so reading it takes one buffer of the right size: each large buffer grown by
    /// doubling was another collection of the whole heap.</remarks>
    internal static byte[] Sealed(byte[] payload) => Sealed(payload, []).ToArray();

    /// <summary>The record of <paramref name="head"/> followed by <paramref name="rest"/>, sealed as one payload, without
    /// first copying the two into one array: each array of megabytes is one more chance of a full collection.</summary>
    private static ArraySegment<byte> Sealed(ReadOnlySpan<byte> head, ReadOnlySpan<byte> rest)
    {
        var all = new MemoryStream(((head.Length + rest.Length) / 2) + 64);
        all.Write(BitConverter.GetBytes(head.Length + rest.Length));
        using (var deflate = new System.IO.Compression.DeflateStream(all, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(head);
            deflate.Write(rest);
        }

        all.Write(SHA256.HashData(all.GetBuffer().AsSpan(0, (int)all.Length)));
        return new ArraySegment<byte>(all.GetBuffer(), 0, (int)all.Length);
    }

    private static byte[] Opened(byte[] sealedRecord, int length)
    {
        var size = BitConverter.ToInt32(sealedRecord, 0);
        if (size < 0 || size > 64 * length + 1024)
        {
            throw new InvalidDataException("size");
        }

        using var compressed = new MemoryStream(sealedRecord, 4, length - 32 - 4, writable: false);
        using var deflate = new System.IO.Compression.DeflateStream(compressed, System.IO.Compression.CompressionMode.Decompress);
        var payload = new byte[size];
        deflate.ReadExactly(payload);
        if (deflate.ReadByte() >= 0)
        {
            throw new InvalidDataException("longer than said");
        }

        return payload;
    }

    private static void WritePage(Writer w, PageOutcome outcome, string body)
    {
        var summary = outcome.Summary!;
        var links = outcome.Links!;
        w.Str(outcome.Page.Source.RelativePath);
        w.Str(body);
        w.Str(outcome.Page.OutputPath);
        w.Int(outcome.Diagnostics.Count);
        foreach (var d in outcome.Diagnostics)
        {
            w.Int((int)d.Severity);
            w.Str(d.Code);
            w.Str(d.Message);
            w.Span(d.Span);
        }

        w.Str(summary.Layout);
        w.Strings(summary.Content.GlossaryTerms);
        w.Int(summary.Content.References.Count);
        foreach (var cited in summary.Content.References)
        {
            w.Int(cited.Number);
            w.Str(cited.Reference.Id);
        }

        w.Int(summary.Content.Citations.Count);
        foreach (var use in summary.Content.Citations)
        {
            w.Str(use.Key);
            w.Int(use.Number);
            w.Str(use.Locator);
            w.Span(use.Span);
        }

        w.Strings(summary.EmbeddedPages.Order(StringComparer.Ordinal).ToList());
        w.Bool(summary.Trust is not null);
        if (summary.Trust is { } facts)
        {
            WriteFacts(w, facts);
        }

        w.Str(links.OutputPath);
        var html = links.ForLinks;
        w.Str(html.OutputPath);
        w.Int(html.Links.Count);
        foreach (var link in html.Links)
        {
            w.Str(link.Url);
            w.Int((int)link.Element);
            w.Int(link.Offset);
            w.Int(link.Line);
            w.Int(link.Column);
        }

        w.Int(html.Ids.Count);
        foreach (var (id, offset) in html.Ids)
        {
            w.Str(id);
            w.Int(offset);
        }

        w.Int(html.DuplicateIds.Count);
        foreach (var (first, again) in html.DuplicateIds)
        {
            w.Id(first);
            w.Id(again);
        }

        w.Str(html.BaseHref);
        var origin = links.Origin;
        w.Str(origin.LayoutDisplayPath);
        w.Int(origin.SourceLinks.Count);
        foreach (var link in origin.SourceLinks)
        {
            w.Str(link.Written);
            w.Str(link.Rendered);
            w.Span(link.Span);
            w.Bool(link.IsImage);
        }

        w.Int(origin.ContentStart);
        w.Int(origin.ContentEnd);
        w.Int(origin.HtmlLength);
    }

    private static void WriteFacts(Writer w, PageFacts facts)
    {
        w.Str(facts.Url);
        w.Str(facts.Source);
        w.Statistics(facts.Readability.Statistics);
        w.Double(facts.Readability.Grade);
        w.Double(facts.Readability.ReadingEase);
        w.Double(facts.Readability.Smog);
        w.Date(facts.LastReviewed);
        w.Date(facts.NextReview);
        w.Str(facts.Reviewer);
        w.Int(facts.Citations);
        w.Int(facts.OutboundLinks);
        w.Strings(facts.GlossaryTerms);
        w.Bool(facts.HasJsonLd);
        w.Str(facts.Language);
        w.Bool(facts.Spanish is not null);
        if (facts.Spanish is { } spanish)
        {
            w.Statistics(spanish.Statistics);
            w.Double(spanish.Inflesz);
            w.Double(spanish.FernandezHuerta);
        }

        w.Str(facts.Permalink);
        w.Span(facts.LanguageSpan);
        w.Int(facts.Alternates.Count);
        foreach (var (language, url) in facts.Alternates)
        {
            w.Str(language);
            w.Str(url);
        }
    }

    private static CachedPage ReadPage(Reader r)
    {
        var source = r.Text();
        var body = r.Text();
        var outputPath = r.Text();
        var diagnostics = new Diagnostic[r.Count()];
        for (var i = 0; i < diagnostics.Length; i++)
        {
            var severity = r.Int();
            if (severity is < (int)Severity.Note or > (int)Severity.Error)
            {
                throw new InvalidDataException("severity");
            }

            diagnostics[i] = new Diagnostic((Severity)severity, r.Text(), r.Text(), r.Span());
        }

        var layout = r.Text();
        var glossary = r.Strings();
        var references = new (int Number, string Id)[r.Count()];
        for (var i = 0; i < references.Length; i++)
        {
            references[i] = (r.Int(), r.Text());
        }

        var citations = new CitationUse[r.Count()];
        for (var i = 0; i < citations.Length; i++)
        {
            citations[i] = new CitationUse(r.Text(), r.Int(), r.Str(), r.Span());
        }

        var embedded = r.Strings();
        var trust = r.Bool() ? ReadFacts(r) : null;
        var linksPath = r.Text();
        var htmlPath = r.Text();
        var links = new HtmlLink[r.Count()];
        for (var i = 0; i < links.Length; i++)
        {
            var url = r.Text();
            var element = r.Int();
            if (!Enum.IsDefined((LinkElement)element))
            {
                throw new InvalidDataException("link element");
            }

            links[i] = new HtmlLink(url, (LinkElement)element, r.Int(), r.Int(), r.Int());
        }

        var idCount = r.Count();
        var ids = new Dictionary<string, int>(idCount, StringComparer.Ordinal);
        for (var i = 0; i < idCount; i++)
        {
            ids.Add(r.Text(), r.Int());
        }

        var duplicates = new (HtmlId First, HtmlId Again)[r.Count()];
        for (var i = 0; i < duplicates.Length; i++)
        {
            duplicates[i] = (r.Id(), r.Id());
        }

        var html = new HtmlFacts(htmlPath, links, ids, duplicates) { BaseHref = r.Str() };
        var layoutDisplay = r.Text();
        var sourceLinks = new SourceLink[r.Count()];
        for (var i = 0; i < sourceLinks.Length; i++)
        {
            sourceLinks[i] = new SourceLink(r.Text(), r.Text(), r.Span(), r.Bool());
        }

        return new CachedPage(source, body, outputPath, diagnostics, layout, glossary, references, citations, embedded, trust, linksPath, html, layoutDisplay, sourceLinks, r.Int(), r.Int(), r.Int());
    }

    private static PageFacts ReadFacts(Reader r)
    {
        var url = r.Text();
        var source = r.Text();
        var readability = new ReadabilityScore(r.Statistics(), r.Double(), r.Double(), r.Double());
        var (lastReviewed, nextReview) = (r.Date(), r.Date());
        var reviewer = r.Text();
        var (citations, outbound) = (r.Int(), r.Int());
        var glossary = r.Strings();
        var hasJsonLd = r.Bool();
        var language = r.Text();
        var spanish = r.Bool() ? new SpanishReadability(r.Statistics(), r.Double(), r.Double()) : null;
        var permalink = r.Text();
        var languageSpan = r.Span();
        var alternates = new (string Language, string Url)[r.Count()];
        for (var i = 0; i < alternates.Length; i++)
        {
            alternates[i] = (r.Text(), r.Text());
        }

        return new PageFacts(url, source, readability, lastReviewed, nextReview, reviewer, citations, outbound, glossary, hasJsonLd)
        {
            Language = language, Spanish = spanish, Permalink = permalink, LanguageSpan = languageSpan, Alternates = alternates,
        };
    }

    /// <summary>Builds the record: strings go to a table written before the pages that use them by number.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly MemoryStream _body;
        private readonly BinaryWriter _w;
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _strings = [];

        public Writer(int capacity)
        {
            _body = new MemoryStream(capacity);
            _w = new BinaryWriter(_body, Encoding.UTF8, leaveOpen: true);
        }

        public void Dispose()
        {
            _w.Dispose();
            _body.Dispose();
        }

        public void Int(int value) => _w.Write7BitEncodedInt(value);

        public void Bool(bool value) => _w.Write(value);

        public void Double(double value) => _w.Write(value);

        public void Str(string? value)
        {
            if (value is null)
            {
                Int(0);
                return;
            }

            if (!_index.TryGetValue(value, out var number))
            {
                _strings.Add(value);
                _index[value] = number = _strings.Count;
            }

            Int(number);
        }

        public void Strings(IReadOnlyCollection<string> values)
        {
            Int(values.Count);
            foreach (var value in values)
            {
                Str(value);
            }
        }

        public void Span(SourceSpan span)
        {
            Str(span.File);
            Int(span.Line);
            Int(span.Column);
        }

        public void Id(HtmlId id)
        {
            Str(id.Id);
            Int(id.Offset);
            Int(id.Line);
            Int(id.Column);
        }

        public void Date(DateOnly? date) => Int(date is { } d ? d.DayNumber + 1 : 0);

        public void Statistics(TextStatistics s)
        {
            Int(s.Words);
            Int(s.Sentences);
            Int(s.Syllables);
            Int(s.Polysyllables);
        }

        /// <summary>The string table, then the pages, sealed (see <see cref="Sealed(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>).</summary>
        public ArraySegment<byte> Seal()
        {
            _w.Flush();
            using var table = new MemoryStream(16 + _strings.Sum(s => s.Length + 5));
            using (var head = new BinaryWriter(table, Encoding.UTF8, leaveOpen: true))
            {
                head.Write7BitEncodedInt(_strings.Count);
                foreach (var s in _strings)
                {
                    head.Write(s);
                }
            }

            return Sealed(table.GetBuffer().AsSpan(0, (int)table.Length), _body.GetBuffer().AsSpan(0, (int)_body.Length));
        }
    }

    private sealed class Reader : IDisposable
    {
        private readonly BinaryReader _r;
        private readonly string[] _strings;
        private readonly long _length;

        public Reader(byte[] bytes, int length)
        {
            var stream = new MemoryStream(bytes, 0, length, writable: false);
            _length = stream.Length;
            _r = new BinaryReader(stream, Encoding.UTF8);
            _strings = new string[Count()];
            for (var i = 0; i < _strings.Length; i++)
            {
                _strings[i] = _r.ReadString();
            }
        }

        public void Dispose() => _r.Dispose();

        public bool AtEnd => _r.BaseStream.Position == _length;

        public int Int() => _r.Read7BitEncodedInt();

        public int Count()
        {
            var count = Int();
            return count < 0 || count > _length ? throw new InvalidDataException("count") : count;
        }

        public bool Bool() => _r.ReadBoolean();

        public double Double() => _r.ReadDouble();

        public string? Str()
        {
            var number = Int();
            return number == 0 ? null : _strings[number - 1];
        }

        public string Text() => Str() ?? throw new InvalidDataException("string");

        public string[] Strings()
        {
            var values = new string[Count()];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Text();
            }

            return values;
        }

        public SourceSpan Span() => new(Text(), Int(), Int());

        public HtmlId Id() => new(Text(), Int(), Int(), Int());

        public DateOnly? Date()
        {
            var n = Int();
            return n == 0 ? null : DateOnly.FromDayNumber(n - 1);
        }

        public TextStatistics Statistics() => new(Int(), Int(), Int(), Int());
    }
}

/// <summary>One page as the cache holds it, until the current page is attached to it.</summary>
internal sealed record CachedPage(
    string Source,
    string Body,
    string OutputPath,
    IReadOnlyList<Diagnostic> Diagnostics,
    string Layout,
    IReadOnlyList<string> GlossaryTerms,
    IReadOnlyList<(int Number, string Id)> References,
    IReadOnlyList<CitationUse> Citations,
    IReadOnlyList<string> EmbeddedPages,
    PageFacts? Trust,
    string LinksOutputPath,
    HtmlFacts ForLinks,
    string LayoutDisplayPath,
    IReadOnlyList<SourceLink> SourceLinks,
    int ContentStart,
    int ContentEnd,
    int HtmlLength)
{
    /// <summary>The outcome as rendering <paramref name="page"/> would leave it; null when a source it cites is no longer
    /// in the bibliography (the shared fingerprint makes that impossible, but a doubt renders the page).</summary>
    public PageOutcome? Attach(Page page, Bibliography bibliography)
    {
        var references = new CitedReference[References.Count];
        for (var i = 0; i < references.Length; i++)
        {
            if (bibliography.Find(References[i].Id) is not { } reference)
            {
                return null;
            }

            references[i] = new CitedReference(References[i].Number, reference);
        }

        var content = new RenderedContent(string.Empty, [], []) { GlossaryTerms = GlossaryTerms, References = references, Citations = Citations };
        var summary = new RenderedPage(page, Layout, content, string.Empty) { Trust = Trust, EmbeddedPages = EmbeddedPages };
        var links = new PageLinkFacts(LinksOutputPath, ForLinks, new PageOrigin(page, LayoutDisplayPath, SourceLinks, ContentStart, ContentEnd, HtmlLength));
        return new PageOutcome(page, summary, links, Diagnostics);
    }
}
