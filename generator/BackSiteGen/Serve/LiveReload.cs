using System.Text.Json;
using System.Threading.Channels;

namespace BackSiteGen.Serve;

/// <summary>Tells every open browser which URLs changed, as Server-Sent Events; each browser reloads if it shows one of them.</summary>
public sealed class LiveReload
{
    private readonly Lock _gate = new();
    private readonly List<Channel<string>> _listeners = [];

    /// <summary>One event per rebuild that changed something a browser shows.</summary>
    public void Publish(RebuildReport report)
    {
        var urls = UrlsToReload(report);
        if (urls.Count == 0)
        {
            return;
        }

        var message = Event("changed", ChangedJson(report.Site.Version, urls));
        lock (_gate)
        {
            foreach (var listener in _listeners)
            {
                listener.Writer.TryWrite(message);
            }
        }
    }

    /// <summary><c>{"version":7,"urls":["/a/"]}</c>, written without reflection so the native build has it too.</summary>
    private static string ChangedJson(long version, List<string> urls)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("version", version);
            json.WriteStartArray("urls");
            foreach (var url in urls)
            {
                json.WriteStringValue(url);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The URLs of changed pages; "*" when every page must reload: the overlay changed, or a stylesheet, image or script did.</summary>
    public static List<string> UrlsToReload(RebuildReport report)
    {
        if (report.ProblemsChanged || report.ChangedFiles.Any(f => !f.EndsWith(".html", StringComparison.Ordinal)))
        {
            return ["*"];
        }

        var basePath = report.Site.BasePath;
        return report.ChangedFiles.Select(f => basePath + (f.EndsWith("index.html", StringComparison.Ordinal) ? f[..^"index.html".Length] : f)).ToList();
    }

    public static string Event(string name, string data) => $"event: {name}\ndata: {data}\n\n";

    /// <summary>Streams events to one browser until it goes away or the server stops.</summary>
    public async Task StreamAsync(Stream body, Func<CancellationToken, Task> flush, long version, CancellationToken cancel)
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            _listeners.Add(channel);
        }

        try
        {
            // "hello" carries the site's version, so a page served just before a rebuild, whose event it missed, still reloads.
            await WriteAsync(body, "retry: 500\n\n" + Event("hello", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancel).ConfigureAwait(false);
            await flush(cancel).ConfigureAwait(false);
            await foreach (var message in channel.Reader.ReadAllAsync(cancel).ConfigureAwait(false))
            {
                await WriteAsync(body, message, cancel).ConfigureAwait(false);
                await flush(cancel).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The browser closed the page, or the server is stopping.
        }
        finally
        {
            lock (_gate)
            {
                _listeners.Remove(channel);
            }
        }
    }

    private static Task WriteAsync(Stream body, string text, CancellationToken cancel) =>
        body.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), cancel).AsTask();
}
