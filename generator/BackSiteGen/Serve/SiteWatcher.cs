using System.Collections.Concurrent;

namespace BackSiteGen.Serve;

/// <summary>Watches the content and the theme and hands batches of changed paths to the session, one rebuild at a time.</summary>
/// <remarks>Editors save in bursts (write, truncate, rename a temporary file over the page), so changes are collected
/// until <see cref="Quiet"/> has passed since the first one: short enough to stay inside the writer's budget of 50 ms from
/// save to page, long enough that one save is one rebuild. Changes arriving during a rebuild wait for the next one.</remarks>
public sealed class SiteWatcher : IDisposable
{
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(20);

    private readonly SiteSession _session;
    private readonly Action<RebuildReport> _rebuilt;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Dictionary<string, FileSystemWatcher> _trees = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _changes = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private volatile bool _overflowed;

    public SiteWatcher(SiteSession session, Action<RebuildReport> rebuilt)
    {
        _session = session;
        _rebuilt = rebuilt;
        try
        {
            Watch(session.WatchedFolders);
        }
        catch
        {
            // Out of inotify instances, typically: release the watchers already made before the caller reports it.
            foreach (var watcher in _watchers)
            {
                watcher.Dispose();
            }

            _stop.Dispose();
            _signal.Dispose();
            throw;
        }

        _loop = Task.Run(RunAsync);
    }

    private void Watch(IEnumerable<string> folders)
    {
        foreach (var folder in folders)
        {
            WatchTree(folder);

            // A watcher dies with its folder: one on the parent notices the folder deleted and made again (a checkout
            // of another branch, a restore from backup) and watches the new one, which the session then loads whole.
            if (Path.GetDirectoryName(folder) is { } parent && Directory.Exists(parent))
            {
                var above = new FileSystemWatcher(parent, Path.GetFileName(folder))
                {
                    IncludeSubdirectories = false,
                    NotifyFilter = NotifyFilters.DirectoryName,
                };
                void Again(string path)
                {
                    if (string.Equals(path, folder, StringComparison.Ordinal))
                    {
                        WatchTree(folder);
                        Enqueue(folder);
                    }
                }

                above.Created += (_, e) => Again(e.FullPath);
                above.Renamed += (_, e) =>
                {
                    // Moved away (mv content content-old): the tree's own watcher follows the folder to its new name.
                    if (string.Equals(e.OldFullPath, folder, StringComparison.Ordinal))
                    {
                        Enqueue(folder);
                    }

                    Again(e.FullPath);
                };
                above.Deleted += (_, e) => Enqueue(e.FullPath);
                lock (_watchers)
                {
                    _watchers.Add(above);
                }

                above.EnableRaisingEvents = true;
            }
        }
    }

    /// <summary>Watches everything below <paramref name="folder"/>, replacing the watcher of a folder that was made again.</summary>
    private void WatchTree(string folder)
    {
        lock (_watchers)
        {
            if (_trees.Remove(folder, out var old))
            {
                _watchers.Remove(old);
                old.Dispose();
            }

            if (!Directory.Exists(folder))
            {
                return;
            }

            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Changed += (_, e) => Enqueue(e.FullPath);
            watcher.Created += (_, e) => Enqueue(e.FullPath);
            watcher.Deleted += (_, e) => Enqueue(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                Enqueue(e.OldFullPath);
                Enqueue(e.FullPath);
            };
            watcher.Error += (_, _) =>
            {
                // The OS dropped events (too many at once): only a full reload is sure to see them all.
                _overflowed = true;
                _signal.Release();
            };
            _watchers.Add(watcher);
            _trees[folder] = watcher;
            watcher.EnableRaisingEvents = true;
        }
    }

    private void Enqueue(string path)
    {
        _changes.Enqueue(path);
        _signal.Release();
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await _signal.WaitAsync(token).ConfigureAwait(false);
                await Task.Delay(Quiet, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            while (_signal.CurrentCount > 0)
            {
                _signal.Wait(0, CancellationToken.None);
            }

            var paths = new HashSet<string>(StringComparer.Ordinal);
            while (_changes.TryDequeue(out var path))
            {
                paths.Add(path);
            }

            var report = _overflowed ? _session.Reload("changes the file watcher could not follow") : _session.Apply(paths);
            _overflowed = false;
            if (report is not null)
            {
                try
                {
                    _rebuilt(report);
                }
                catch (Exception)
                {
                    // Telling the console or the browsers failed (a closed pipe); the next rebuild tries again.
                }
            }
        }
    }

    public void Dispose()
    {
        lock (_watchers)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Dispose();
            }

            _watchers.Clear();
        }

        _stop.Cancel();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends by cancellation; a rebuild's own failures are already reported by the session.
        }

        _stop.Dispose();
        _signal.Dispose();
    }
}
