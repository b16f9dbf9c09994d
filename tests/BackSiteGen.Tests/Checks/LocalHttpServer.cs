using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BackSiteGen.Tests.Checks;

/// <summary>A web server on 127.0.0.1 that answers the way real sites do (200, 301, 404, 429, 500, slowly), so the
/// external link check is tested without the internet.</summary>
internal sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private int _inFlight;

    public LocalHttpServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    /// <summary>Requests by path and method, e.g. "GET /ok".</summary>
    public ConcurrentQueue<(string Request, DateTimeOffset At)> Log { get; } = new();

    public int MaxInFlight { get; private set; }

    public int Hits(string path) => _hits.GetValueOrDefault(path);

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var path = request.Url!.AbsolutePath;
        var hit = _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        Log.Enqueue(($"{request.HttpMethod} {path}", DateTimeOffset.UtcNow));
        var inFlight = Interlocked.Increment(ref _inFlight);
        lock (_hits)
        {
            MaxInFlight = Math.Max(MaxInFlight, inFlight);
        }

        // A request stops counting as in flight before its answer goes out: once the client has the answer it may send the
        // next one, which could otherwise be counted beside this one while this thread had yet to leave its finally block.
        var answered = 0;
        void Answered()
        {
            if (Interlocked.Exchange(ref answered, 1) == 0)
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        try
        {
            switch (path)
            {
                case "/ok":
                    await Html(response, "<h2 id=\"here\">Here</h2>", Answered);
                    return;
                case "/moved":
                    response.StatusCode = 301;
                    response.RedirectLocation = Url("/ok");
                    break;
                case "/busy" when hit == 1:
                    response.StatusCode = 429;
                    response.AddHeader("Retry-After", "1");
                    break;
                case "/flaky" when hit == 1:
                case "/broken":
                    response.StatusCode = 500;
                    break;
                case "/slow":
                    await Task.Delay(5000, _stop.Token);
                    break;
                case "/no-head" when request.HttpMethod == "HEAD":
                    response.StatusCode = 405;
                    break;
                case "/busy" or "/flaky" or "/no-head":
                    break;
                default:
                    if (path.StartsWith("/paced/", StringComparison.Ordinal))
                    {
                        await Task.Delay(60, _stop.Token);
                        break;
                    }

                    response.StatusCode = 404;
                    break;
            }

            Answered();
            response.Close();
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The client gave up (a timeout under test) or the server is stopping.
        }
        finally
        {
            Answered();
        }
    }

    private static async Task Html(HttpListenerResponse response, string body, Action answered)
    {
        var bytes = Encoding.UTF8.GetBytes($"<!doctype html><title>t</title>{body}");
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength64 = bytes.Length;
        answered();
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }
}
