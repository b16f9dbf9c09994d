using System.Diagnostics;

namespace BackSiteGen.Site;

/// <summary>Where a build's time and memory went, stage by stage, for <c>build --timings</c>.</summary>
public sealed class StageClock
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<StageTime> _stages = [];
    private TimeSpan _last;
    private long _allocated = GC.GetTotalAllocatedBytes();

    public IReadOnlyList<StageTime> Stages => _stages;

    /// <summary>Closes the stage running since the previous mark (or the start) under this name.</summary>
    public void Mark(string stage)
    {
        var now = _clock.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes();
        _stages.Add(new StageTime(stage, now - _last) { Allocated = allocated - _allocated });
        (_last, _allocated) = (now, allocated);
    }
}

/// <summary>One stage: its wall time, and the bytes every thread of the process allocated while it ran (a build that
/// holds the collector off pays for each fresh megabyte in page faults).</summary>
public readonly record struct StageTime(string Stage, TimeSpan Elapsed)
{
    public long Allocated { get; init; }
}
