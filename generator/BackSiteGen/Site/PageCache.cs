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
/// summary and the report read of it, and its link facts; and its front matter as read, when reading it found nothing to
/// say (see <see cref="CachedPage.FrontMatter"/>). Never the page itself (the current one is attached by its source path)
/// nor its HTML (the output file is, verified against the manifest's hash).</summary>
/// <remarks>A compact binary record (strings once, in a table; numbers as 7-bit varints), compressed, in base64 on one
/// marker line. It ends with a SHA-256 of itself, so a damaged or hand-edited record is told apart from a valid one and never trusted.
/// Deterministic: the same outcomes give the same bytes, so a build stays byte for byte reproducible.
/// <para>Cut into parts (<see cref="PartsFor"/>) by a hash of each page's source path, each part a record of its own,
/// separated by spaces: a part whose pages were all kept as they were is copied from the last record as it stands, so a
/// one-page edit of 2,000 pages writes 1 part of 16 (the page's own; on a site with a references page, which always
/// renders, that page's too) instead of all of them, and the parts are read in parallel. Which part a page is in depends
/// only on its path and the number of pages, so the record stays a function of the outcomes alone.</para></remarks>
internal static class PageCache
{
    /// <summary>The record's format; a marker with another one is simply not reused.</summary>
    public const string Version = "3";

    /// <summary>The record as the marker holds it, its parts in base64 joined by spaces (see <see cref="WriteParts"/>).</summary>
    public static string Write(string shared, IEnumerable<(PageOutcome Outcome, string Body)> pages) =>
        string.Join(' ', WriteParts(shared, pages, null, null, new HashSet<string>()).Select(p => Encoding.ASCII.GetString(p.Span)));

    /// <summary>The record's parts, each in base64: those of <paramref name="previous"/> whose pages are all in
    /// <paramref name="kept"/> and are all the part holds are its bytes again; the others are written.</summary>
    /// <param name="kept">The outcomes taken from <paramref name="previous"/> as it recorded them (by reference).</param>
    /// <param name="readWithFindings">Source paths of the pages whose reading gave a finding: their front matter is left
    /// out, so the next build reads them again and says it again.</param>
    public static ReadOnlyMemory<byte>[] WriteParts(string shared, IEnumerable<(PageOutcome Outcome, string Body)> pages, CachedRecord? previous, IReadOnlySet<PageOutcome>? kept, IReadOnlySet<string> readWithFindings)
    {
        var list = pages.Where(p => p.Outcome.Summary is not null && p.Outcome.Links is not null).OrderBy(p => p.Outcome.Page.Source.RelativePath, StringComparer.Ordinal).ToList();
        var count = PartsFor(list.Count);
        var groups = new List<(PageOutcome Outcome, string Body)>[count];
        for (var i = 0; i < count; i++)
        {
            groups[i] = [];
        }

        foreach (var page in list)
        {
            groups[PartOf(page.Outcome.Page.Source.RelativePath, count)].Add(page);
        }

        var parts = new ReadOnlyMemory<byte>[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var group = groups[i];
            parts[i] = previous?.Parts.Length == count && previous.Counts[i] == group.Count && kept is not null && group.TrueForAll(p => kept.Contains(p.Outcome))
                ? previous.Parts[i]
                : Base64(WritePart(shared, group, readWithFindings));
        });
        return parts;
    }

    /// <summary>How many parts a record of <paramref name="pages"/> pages is cut into: one up to 256 pages, then a power
    /// of two with at most 128 pages a part on average, up to 128 parts.</summary>
    internal static int PartsFor(int pages)
    {
        var parts = 1;
        while (pages > 256 && parts * 128 < pages && parts < 128)
        {
            parts *= 2;
        }

        return parts;
    }

    /// <summary>The part a page's record is in: FNV-1a of its source path, the same in every process and on every machine.</summary>
    internal static int PartOf(string source, int parts)
    {
        var hash = 2166136261u;
        foreach (var c in source)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)parts);
    }

    /// <summary>Base64 of <paramref name="bytes"/>, whose length the encoder's maximum gives exactly.</summary>
    private static byte[] Base64(ArraySegment<byte> bytes)
    {
        var text = new byte[System.Buffers.Text.Base64.GetMaxEncodedToUtf8Length(bytes.Count)];
        System.Buffers.Text.Base64.EncodeToUtf8(bytes, text, out _, out _);
        return text;
    }

    private static ArraySegment<byte> WritePart(string shared, List<(PageOutcome Outcome, string Body)> pages, IReadOnlySet<string> readWithFindings)
    {
        using var writer = new Writer(1024 + (pages.Count * 1536));
        writer.Str(shared);
        writer.Int(pages.Count);
        foreach (var (outcome, body) in pages)
        {
            WritePage(writer, outcome, body, !readWithFindings.Contains(outcome.Page.Source.RelativePath));
        }

        return writer.Seal();
    }

    /// <inheritdoc cref="Read(ReadOnlyMemory{byte}, string, out bool)"/>
    public static CachedRecord? Read(string blob, string shared, out bool damaged) => Read(Encoding.UTF8.GetBytes(blob), shared, out damaged);

    /// <summary>The cached pages by source path, when <paramref name="record"/> (the parts in base64, joined by spaces) was
    /// written for these shared inputs; null when not (or it is damaged: then <paramref name="damaged"/> is true).</summary>
    public static CachedRecord? Read(ReadOnlyMemory<byte> record, string shared, out bool damaged)
    {
        var parts = new List<ReadOnlyMemory<byte>>();
        foreach (var range in record.Span.Split((byte)' '))
        {
            parts.Add(record[range]);
        }

        var read = new List<CachedPage>?[parts.Count];
        var broken = 0;
        Parallel.For(0, parts.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            read[i] = ReadPart(parts[i].Span, shared, out var partDamaged);
            if (partDamaged || (read[i] is { } pages && !pages.TrueForAll(p => PartOf(p.Source, parts.Count) == i)))
            {
                Interlocked.Exchange(ref broken, 1);
            }
        });

        damaged = broken != 0;
        if (damaged || read.Any(r => r is null))
        {
            return null;
        }

        // A page twice, or as many parts as another number of pages has: not what a build writes.
        var all = new Dictionary<string, CachedPage>(StringComparer.Ordinal);
        damaged = !read.SelectMany(r => r!).All(page => all.TryAdd(page.Source, page)) || PartsFor(all.Count) != parts.Count;
        return damaged ? null : new CachedRecord(all, [.. parts], [.. read.Select(r => r!.Count)]);
    }

    /// <summary>Whether <paramref name="record"/> reads as one written for these shared inputs, from the head of its first
    /// part alone: a quick look before deciding how to build, not a check; <see cref="Read(ReadOnlyMemory{byte}, string, out bool)"/>
    /// checks every part.</summary>
    public static bool IsFor(ReadOnlyMemory<byte> record, string shared)
    {
        var space = record.Span.IndexOf((byte)' ');
        try
        {
            using var reader = Open(space < 0 ? record.Span : record.Span[..space]);
            return reader?.Str() == shared;
        }
        catch (Exception ex) when (IsDamage(ex))
        {
            return false;
        }
    }

    /// <summary>One part's pages, when it was written for these shared inputs; null when not (or it is damaged: then
    /// <paramref name="damaged"/> is true).</summary>
    private static List<CachedPage>? ReadPart(ReadOnlySpan<byte> base64, string shared, out bool damaged)
    {
        damaged = false;
        try
        {
            using var reader = Open(base64);
            if (reader is null)
            {
                damaged = true;
                return null;
            }

            if (reader.Str() != shared)
            {
                return null;
            }

            var count = reader.Count();
            var pages = new List<CachedPage>(count);
            for (var i = 0; i < count; i++)
            {
                pages.Add(ReadPage(reader));
            }

            if (!reader.AtEnd)
            {
                damaged = true;
                return null;
            }

            return pages;
        }
        catch (Exception ex) when (IsDamage(ex))
        {
            damaged = true;
            return null;
        }
    }

    /// <summary>A reader of one part, its string table read; null when the part is not base64 or its checksum does not
    /// hold. Throws (see <see cref="IsDamage"/>) when what the checksum covers does not read.</summary>
    private static Reader? Open(ReadOnlySpan<byte> base64)
    {
        var bytes = new byte[System.Buffers.Text.Base64.GetMaxDecodedFromUtf8Length(base64.Length)];
        if (System.Buffers.Text.Base64.DecodeFromUtf8(base64, bytes, out var consumed, out var written) != System.Buffers.OperationStatus.Done || consumed != base64.Length)
        {
            return null;
        }

        if (written < 36 || !SHA256.HashData(bytes.AsSpan(0, written - 32)).AsSpan().SequenceEqual(bytes.AsSpan(written - 32, 32)))
        {
            return null;
        }

        var payload = Opened(bytes, written);
        return new Reader(payload, payload.Length);
    }

    private static bool IsDamage(Exception ex) =>
        ex is FormatException or EndOfStreamException or IOException or ArgumentException or OverflowException or InvalidDataException or IndexOutOfRangeException;

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

    private static void WritePage(Writer w, PageOutcome outcome, string body, bool frontMatter)
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
        var keptFrontMatter = frontMatter && outcome.Page.FrontMatter.Values.Values.All(IsPlain);
        w.Bool(keptFrontMatter);
        if (keptFrontMatter)
        {
            WriteFrontMatter(w, outcome.Page);
        }
    }

    /// <summary>Whether a front matter value is one the record can hold (see <see cref="Writer.Plain"/>); a page with any
    /// other is read from its file again.</summary>
    private static bool IsPlain(object? value) => value switch
    {
        null or string or long or bool => true,
        List<object?> list => list.TrueForAll(IsPlain),
        Dictionary<string, object?> map => map.Values.All(IsPlain),
        _ => false,
    };

    /// <summary>What reading the page's file gave: its front matter, typed and as plain values with where each key was
    /// written, and the line its body starts on.</summary>
    private static void WriteFrontMatter(Writer w, Page page)
    {
        var f = page.FrontMatter;
        w.Int(page.BodyLine);
        w.Str(f.Title);
        w.Str(f.Description);
        w.Str(f.Layout);
        w.Bool(f.Order is not null);
        w.Int(f.Order ?? 0);
        w.Bool(f.Draft);
        w.Date(f.Date);
        w.Date(f.Updated);
        w.Str(f.Permalink);
        w.Str(f.Author);
        w.Str(f.ReviewedBy);
        w.Date(f.LastReviewed);
        w.Date(f.NextReview);
        w.Int(f.Values.Count);
        foreach (var (key, value) in f.Values)
        {
            w.Str(key);
            w.Plain(value);
        }

        w.Int(f.KeySpans.Count);
        foreach (var (key, span) in f.KeySpans)
        {
            w.Str(key);
            w.Span(span);
        }
    }

    private static (FrontMatter FrontMatter, int BodyLine) ReadFrontMatter(Reader r)
    {
        var bodyLine = r.Int();
        var (title, description, layout) = (r.Text(), r.Text(), r.Str());
        var hasOrder = r.Bool();
        var order = r.Int();
        var draft = r.Bool();
        var (date, updated) = (r.Date(), r.Date());
        var (permalink, author, reviewedBy) = (r.Str(), r.Str(), r.Str());
        var (lastReviewed, nextReview) = (r.Date(), r.Date());
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = r.Count(); i > 0; i--)
        {
            values.Add(r.Text(), r.Plain());
        }

        var spans = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        for (var i = r.Count(); i > 0; i--)
        {
            spans.Add(r.Text(), r.Span());
        }

        return (new FrontMatter(title, description, layout, hasOrder ? order : null, draft, date, updated, permalink, author, reviewedBy, lastReviewed, nextReview, values, spans), bodyLine);
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

        var (contentStart, contentEnd, htmlLength) = (r.Int(), r.Int(), r.Int());
        var read = r.Bool() ? ReadFrontMatter(r) : ((FrontMatter, int)?)null;
        return new CachedPage(source, body, outputPath, diagnostics, layout, glossary, references, citations, embedded, trust, linksPath, html, layoutDisplay, sourceLinks, contentStart, contentEnd, htmlLength)
        {
            FrontMatter = read?.Item1, BodyLine = read?.Item2 ?? 0,
        };
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

        /// <summary>A front matter value as <see cref="Config.YamlValues.ToPlain"/> gives it: null, text, a whole number,
        /// true or false, a list or a mapping of them.</summary>
        public void Plain(object? value)
        {
            switch (value)
            {
                case null: Int(0); break;
                case string text: Int(1); Str(text); break;
                case long number: Int(2); _w.Write7BitEncodedInt64(number); break;
                case bool flag: Int(3); Bool(flag); break;
                case List<object?> list:
                    Int(4);
                    Int(list.Count);
                    foreach (var item in list)
                    {
                        Plain(item);
                    }

                    break;
                case Dictionary<string, object?> map:
                    Int(5);
                    Int(map.Count);
                    foreach (var (key, item) in map)
                    {
                        Str(key);
                        Plain(item);
                    }

                    break;
                default: throw new InvalidOperationException($"A front matter value of type {value.GetType().Name} has no place in the record.");
            }
        }

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

        /// <inheritdoc cref="Writer.Plain"/>
        public object? Plain() => Int() switch
        {
            0 => null,
            1 => Text(),
            2 => _r.Read7BitEncodedInt64(),
            3 => Bool(),
            4 => PlainList(),
            5 => PlainMap(),
            _ => throw new InvalidDataException("front matter value"),
        };

        private List<object?> PlainList()
        {
            var list = new List<object?>(Count());
            for (var i = list.Capacity; i > 0; i--)
            {
                list.Add(Plain());
            }

            return list;
        }

        private Dictionary<string, object?> PlainMap()
        {
            var count = Count();
            var map = new Dictionary<string, object?>(count, StringComparer.Ordinal);
            for (var i = count; i > 0; i--)
            {
                map.Add(Text(), Plain());
            }

            return map;
        }
    }
}

/// <summary>A record as a build read it: its pages by source path, and its parts as the marker holds them (in base64),
/// with how many pages each holds, for the next record to copy those whose pages were all kept.</summary>
internal sealed record CachedRecord(Dictionary<string, CachedPage> Pages, ReadOnlyMemory<byte>[] Parts, int[] Counts);

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
    /// <summary>The page's front matter as the last build read it, when reading it found nothing to say; null when it
    /// did (the next build reads the file again and says it again).</summary>
    /// <remarks>Taken instead of reading the file only with a record written for the same shared inputs, which cover
    /// every page file's bytes up to the end of its front matter (see <see cref="InputFingerprint"/>): the same bytes read
    /// the same.</remarks>
    public FrontMatter? FrontMatter { get; init; }

    /// <summary>The line the page's body starts on, with <see cref="FrontMatter"/>.</summary>
    public int BodyLine { get; init; }

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
