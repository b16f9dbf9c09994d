namespace BackSiteGen.Checks;

/// <summary>Limits requests to one host: at most N at a time, and starts spaced apart, so checking a site with many
/// links to one server does not look like an attack to it.</summary>
public sealed class HostThrottle(int concurrency, TimeSpan spacing, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(concurrency, concurrency);
    private readonly Lock _gate = new();
    private DateTimeOffset _nextStart = DateTimeOffset.MinValue;

    public async Task<IDisposable> EnterAsync(CancellationToken cancel)
    {
        await _slots.WaitAsync(cancel);
        TimeSpan wait;
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var start = _nextStart > now ? _nextStart : now;
            _nextStart = start + spacing;
            wait = start - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancel);
        }

        return new Release(_slots);
    }

    /// <summary>After a 429: no new request to this host before <paramref name="until"/>.</summary>
    public void Pause(DateTimeOffset until)
    {
        lock (_gate)
        {
            if (until > _nextStart)
            {
                _nextStart = until;
            }
        }
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Release(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
