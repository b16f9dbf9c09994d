using System.Collections.Concurrent;
using System.Text.Json;

namespace BackSiteGen.Checks;

/// <summary>Remembers external answers between runs in a small JSON file, so a site is not re-requested on every build.</summary>
/// <remarks>Read and written with System.Text.Json's reader and writer directly: no reflection, nothing to trim.</remarks>
public sealed class ExternalResultCache
{
    private readonly ConcurrentDictionary<string, ExternalResult> _results = new(StringComparer.Ordinal);
    private readonly string _path;

    private ExternalResultCache(string path) => _path = path;

    public static ExternalResultCache Load(string path)
    {
        var cache = new ExternalResultCache(path);
        try
        {
            if (!File.Exists(path))
            {
                return cache;
            }

            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            foreach (var entry in document.RootElement.EnumerateObject())
            {
                var value = entry.Value;
                HashSet<string>? ids = null;
                if (value.TryGetProperty("ids", out var idArray) && idArray.ValueKind == JsonValueKind.Array)
                {
                    ids = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var id in idArray.EnumerateArray())
                    {
                        ids.Add(id.GetString() ?? string.Empty);
                    }
                }

                cache._results[entry.Name] = new ExternalResult(value.GetProperty("status").GetInt32(), null, value.GetProperty("checked").GetDateTimeOffset(), ids);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            // A damaged or unreadable cache only costs requests; start afresh.
            cache._results.Clear();
        }

        return cache;
    }

    public ExternalResult? Get(string url, DateTimeOffset now, TimeSpan maxAge) =>
        _results.TryGetValue(url, out var result) && now - result.CheckedAt <= maxAge ? result : null;

    public void Set(string url, ExternalResult result)
    {
        if (result.IsCacheable)
        {
            _results[url] = result;
        }
    }

    /// <summary>Writes the file atomically (a temporary file, then a rename), so parallel builds never read half a file.</summary>
    public void Save()
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
            var temporary = _path + "." + Environment.ProcessId + ".tmp";
            using (var stream = File.Create(temporary))
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                foreach (var (url, result) in _results.OrderBy(r => r.Key, StringComparer.Ordinal))
                {
                    writer.WriteStartObject(url);
                    writer.WriteNumber("status", result.Status);
                    writer.WriteString("checked", result.CheckedAt);
                    if (result.Ids is { } ids)
                    {
                        writer.WriteStartArray("ids");
                        foreach (var id in ids.Order(StringComparer.Ordinal))
                        {
                            writer.WriteStringValue(id);
                        }

                        writer.WriteEndArray();
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            File.Move(temporary, _path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The cache is an optimisation; failing to write it must not fail the check.
        }
    }
}
