using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Checks;

/// <summary>Checks links to other sites (only with <c>--external</c>): HEAD first, GET when a server mishandles HEAD
/// or when a fragment must be looked up; per-host limits and spacing; <c>429 Retry-After</c> honoured; retries with
/// exponential backoff for server errors and timeouts; answers cached between runs.</summary>
public sealed class ExternalLinkChecker(HttpClient http, ExternalCheckOptions options, ExternalResultCache cache)
{
    /// <summary>Largest page body read for a fragment check; real pages are far smaller.</summary>
    private const int MaxHtmlBytes = 8 * 1024 * 1024;

    private readonly ConcurrentDictionary<string, HostThrottle> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Checks what <paramref name="checker"/> collected and reports failures at every place a URL is used.</summary>
    public static void CheckAndReport(SiteLinkChecker checker, LinkCheckSettings settings, ExternalCheckOptions options, DiagnosticBag diagnostics)
    {
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 10, AutomaticDecompression = DecompressionMethods.All };
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("BackSiteGen-LinkCheck", "0.1"));
        var cache = ExternalResultCache.Load(options.CachePath);
        var external = new ExternalLinkChecker(http, options, cache);
        external.CheckAsync(checker.ExternalLinks, checker, settings, diagnostics, CancellationToken.None).GetAwaiter().GetResult();
        cache.Save();
    }

    public async Task CheckAsync(IEnumerable<ExternalLinkUse> uses, SiteLinkChecker checker, LinkCheckSettings settings, DiagnosticBag diagnostics, CancellationToken cancel)
    {
        // One request per URL, however many pages use it; a fragment only decides whether the body is needed.
        var byUrl = new Dictionary<string, (bool NeedsIds, List<ExternalLinkUse> Uses)>(StringComparer.Ordinal);
        foreach (var use in uses.OrderBy(u => u.File.OutputPath, StringComparer.Ordinal).ThenBy(u => u.LinkIndex))
        {
            var absolute = use.Url.AbsoluteUri;
            if (settings.IsSkipped(absolute))
            {
                continue;
            }

            var key = WithoutFragment(use.Url);
            var needsIds = settings.CheckFragments && use.Url.Fragment.Length > 1;
            if (!byUrl.TryGetValue(key, out var entry))
            {
                entry = (needsIds, []);
            }

            entry.Uses.Add(use);
            byUrl[key] = (entry.NeedsIds || needsIds, entry.Uses);
        }

        var results = new ConcurrentDictionary<string, ExternalResult>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(byUrl, new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancel }, async (pair, token) =>
        {
            var (url, (needsIds, _)) = pair;
            var cached = cache.Get(url, options.Clock.GetUtcNow(), settings.MaxAge);
            if (cached is null || (needsIds && cached.IsOk && cached.Ids is null))
            {
                cached = await CheckUrlAsync(new Uri(url), needsIds, token);
                cache.Set(url, cached);
            }

            results[url] = cached;
        });

        foreach (var (url, (_, list)) in byUrl)
        {
            var result = results[url];
            foreach (var use in list)
            {
                if (!result.IsOk)
                {
                    var why = result.Status == 0 ? result.Error ?? "no answer" : $"the server answered {result.Status} {ReasonOf(result.Status)}";
                    checker.ReportExternal(diagnostics, LinkCheck.BrokenExternal, use, $"The link '{use.Url.OriginalString}' is broken: {why}.");
                }
                else if (settings.CheckFragments && use.Url.Fragment.Length > 1 && result.Ids is { } ids)
                {
                    var fragment = use.Url.Fragment[1..];
                    var decoded = UrlResolver.Decode(fragment);
                    if (!ids.Contains(fragment) && !ids.Contains(decoded) && !decoded.StartsWith(":~:", StringComparison.Ordinal))
                    {
                        var best = Text.EditDistance.Suggest(decoded, ids);
                        checker.ReportExternal(diagnostics, LinkCheck.BrokenExternalAnchor, use, $"The link '{use.Url.OriginalString}' goes to a missing anchor: that page has no id '{decoded}'{(best is null ? "." : $"; did you mean #{best}?")}");
                    }
                }
            }
        }
    }

    /// <summary>One URL, with retries; never throws for network trouble, which becomes part of the result.</summary>
    public async Task<ExternalResult> CheckUrlAsync(Uri url, bool needsIds, CancellationToken cancel)
    {
        var throttle = _hosts.GetOrAdd(url.Authority, _ => new HostThrottle(options.PerHostConcurrency, options.PerHostSpacing, options.Clock));
        ExternalResult? last = null;
        var rateLimited = 0;
        for (var attempt = 0; attempt <= options.Retries; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(options.Backoff * Math.Pow(2, attempt - 1), options.Clock, cancel);
            }

            // HEAD is enough to know a page exists; the body is needed only to look up a fragment.
            last = await SendAsync(url, needsIds ? HttpMethod.Get : HttpMethod.Head, needsIds, throttle, cancel);
            if (!needsIds && !last.IsOk && last.Status is not (0 or 429) && last.Status < 500)
            {
                // Many servers answer HEAD with 403, 404 or 405 but serve GET fine.
                last = await SendAsync(url, HttpMethod.Get, false, throttle, cancel);
            }

            if (last is { Status: 429, RetryAfter: { } retryAfter })
            {
                // Waiting as asked does not use up a retry, but a server that never lets us in is reported.
                if (retryAfter > options.MaxRetryAfter || ++rateLimited > 5)
                {
                    return last;
                }

                throttle.Pause(options.Clock.GetUtcNow() + retryAfter);
                attempt--;
                continue;
            }

            if (last.Status is not (0 or >= 500))
            {
                return last;
            }
        }

        return last!;
    }

    private async Task<ExternalResult> SendAsync(Uri url, HttpMethod method, bool readIds, HostThrottle throttle, CancellationToken cancel)
    {
        using var slot = await throttle.EnterAsync(cancel);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(method, url);
            request.Headers.Accept.ParseAdd("text/html,*/*;q=0.8");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            var now = options.Clock.GetUtcNow();
            if (status == 429)
            {
                // A 429 without Retry-After means "a little while": one backoff step.
                return new ExternalResult(429, null, now, null, RetryAfter(response.Headers.RetryAfter, now));
            }

            IReadOnlySet<string>? ids = null;
            if (readIds && status is >= 200 and < 300 && response.Content.Headers.ContentType?.MediaType is "text/html" or "application/xhtml+xml")
            {
                var html = await ReadLimitedAsync(response.Content, timeout.Token);
                ids = new HashSet<string>(HtmlFactsExtractor.Extract(html, url.AbsolutePath).Ids.Keys, StringComparer.Ordinal);
            }

            return new ExternalResult(status, null, now, ids);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return new ExternalResult(0, $"no answer within {options.Timeout.TotalSeconds:0.###} s", options.Clock.GetUtcNow(), null);
        }
        catch (HttpRequestException ex)
        {
            return new ExternalResult(0, ex.HttpRequestError == HttpRequestError.NameResolutionError ? "the host does not exist" : ex.Message, options.Clock.GetUtcNow(), null);
        }
    }

    private TimeSpan RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        var wait = header?.Delta ?? (header?.Date is { } date ? date - now : options.Backoff);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    private static async Task<string> ReadLimitedAsync(HttpContent content, CancellationToken cancel)
    {
        await using var stream = await content.ReadAsStreamAsync(cancel);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancel)) > 0 && buffer.Length < MaxHtmlBytes)
        {
            buffer.Write(chunk, 0, read);
        }

        var charset = content.Headers.ContentType?.CharSet;
        var encoding = System.Text.Encoding.UTF8;
        if (charset is not null)
        {
            try
            {
                encoding = System.Text.Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                // Unknown charset: UTF-8 is right for nearly every page, and ids are mostly ASCII anyway.
            }
        }

        return encoding.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string WithoutFragment(Uri url) => url.Fragment.Length == 0 ? url.AbsoluteUri : url.AbsoluteUri[..^url.Fragment.Length];

    private static string ReasonOf(int status) => Enum.IsDefined(typeof(HttpStatusCode), status) ? ((HttpStatusCode)status).ToString() : string.Empty;
}
