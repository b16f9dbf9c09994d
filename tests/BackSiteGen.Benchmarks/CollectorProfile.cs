using System.Diagnostics;
using System.Diagnostics.Tracing;
using BackSiteGen.Site;

namespace BackSiteGen.Benchmarks;

/// <summary>How one whole build's collections add up, by generation: how many and how long each generation paused it.
/// <c>DOTNET_gcConcurrent=0 DOTNET_GCgen0size=0x1000000 dotnet run -c Release --project tests/BackSiteGen.Benchmarks --
/// gc CONTENT THEME OUTPUT</c> (those two settings are the command line's: a non-concurrent collector, and the native
/// binary's 16 MiB gen0 budget). The runtime's own GC events, read in the process, so it runs on the JIT build.</summary>
internal static class CollectorProfile
{
    public static void Run(string content, string theme, string output)
    {
        // As the command line does: the collector held off while a build that reuses pages reads the site.
        BuildCollector.QuietBudget = BuildCollector.DefaultQuietBudget;
        using var listener = new CollectorListener();
        var clock = Stopwatch.StartNew();
        var result = SiteBuilder.Build(new BuildOptions(content, theme, output));
        clock.Stop();
        Console.WriteLine($"{result.Pages:N0} pages in {clock.Elapsed.TotalSeconds:0.00} s, {(result.Succeeded ? "built" : "failed")}; allocated {GC.GetTotalAllocatedBytes() / (1024 * 1024):N0} MB, paused {GC.GetTotalPauseDuration().TotalMilliseconds:N0} ms");
        Console.WriteLine($"{"generation",-10} {"collections",12} {"paused ms",10} {"ms each",8}");
        foreach (var (generation, (count, paused)) in listener.ByGeneration.OrderBy(g => g.Key))
        {
            Console.WriteLine($"{generation,-10} {count,12:N0} {paused,10:N0} {paused / count,8:0.0}");
        }

        Console.WriteLine($"reasons (runtime's GCReason numbers): {string.Join(", ", listener.Reasons.OrderBy(r => r.Key).Select(r => $"{r.Key}: {r.Value}"))}");
    }

    /// <summary>GCStart_V2 and GCEnd_V1 of the runtime's event source, paired by the collection's number.</summary>
    private sealed class CollectorListener : EventListener
    {
        private readonly Dictionary<uint, (int Generation, DateTime Start)> _open = [];

        public Dictionary<int, (int Count, double PausedMs)> ByGeneration { get; } = [];

        public Dictionary<uint, int> Reasons { get; } = [];

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                // Keyword 0x1: GC.
                EnableEvents(eventSource, EventLevel.Informational, (EventKeywords)1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.Payload is not { Count: >= 2 } payload)
            {
                return;
            }

            lock (_open)
            {
                if (eventData.EventName == "GCStart_V2" && payload.Count >= 3)
                {
                    _open[Convert.ToUInt32(payload[0])] = (Convert.ToInt32(payload[1]), eventData.TimeStamp);
                    var reason = Convert.ToUInt32(payload[2]);
                    Reasons[reason] = Reasons.GetValueOrDefault(reason) + 1;
                }
                else if (eventData.EventName == "GCEnd_V1" && _open.Remove(Convert.ToUInt32(payload[0]), out var start))
                {
                    var (count, paused) = ByGeneration.GetValueOrDefault(start.Generation);
                    ByGeneration[start.Generation] = (count + 1, paused + (eventData.TimeStamp - start.Start).TotalMilliseconds);
                }
            }
        }
    }
}
