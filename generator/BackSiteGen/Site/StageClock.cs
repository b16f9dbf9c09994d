using System.Diagnostics;

namespace BackSiteGen.Site;

/// <summary>Where a build's time went, stage by stage, for <c>build --timings</c>.</summary>
public sealed class StageClock
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<StageTime> _stages = [];
    private TimeSpan _last;

    public IReadOnlyList<StageTime> Stages => _stages;

    /// <summary>Closes the stage running since the previous mark (or the start) under this name.</summary>
    public void Mark(string stage)
    {
        var now = _clock.Elapsed;
        _stages.Add(new StageTime(stage, now - _last));
        _last = now;
    }
}

public readonly record struct StageTime(string Stage, TimeSpan Elapsed);
