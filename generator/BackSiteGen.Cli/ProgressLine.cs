using System.Diagnostics;
using BackSiteGen.Site;

namespace BackSiteGen.Cli;

/// <summary>Shows a long build's progress: one line updated in place on a terminal, plain lines when output is redirected
/// (a CI log would otherwise fill with carriage returns). Quiet for the first second, so quick builds print only their summary.</summary>
internal sealed class ProgressLine : IProgress<BuildProgress>, IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly Lock _gate = new();
    private readonly TextWriter _output;
    private readonly bool _terminal;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastShown = TimeSpan.Zero;
    private int _width;
    private bool _announced;

    public ProgressLine(TextWriter output, bool terminal)
    {
        _output = output;
        _terminal = terminal;
    }

    /// <summary>Progress for the console only (a writer given by a test or a host gets just the summary);
    /// updated in place when the console is a terminal.</summary>
    public static ProgressLine? For(TextWriter output) =>
        ReferenceEquals(output, Console.Out) ? new(output, !Console.IsOutputRedirected) : null;

    public void Report(BuildProgress value)
    {
        var now = _clock.Elapsed;
        if (now < Delay)
        {
            return;
        }

        lock (_gate)
        {
            if (_terminal)
            {
                if (now - _lastShown < Interval && value.PagesRendered < value.PagesTotal)
                {
                    return;
                }

                _lastShown = now;
                var text = $"rendered {value.PagesRendered}/{value.PagesTotal} pages";
                _output.Write("\r" + text.PadRight(_width));
                _width = text.Length;
                _output.Flush();
            }
            else if (!_announced || value.PagesRendered == value.PagesTotal)
            {
                // Redirected: a line when the build turns out to be slow, and one when rendering is done.
                _announced = true;
                _output.WriteLine($"rendered {value.PagesRendered}/{value.PagesTotal} pages");
            }
        }
    }

    /// <summary>Clears the line, so the diagnostics and the summary start at the left margin.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_terminal && _width > 0)
            {
                _output.Write("\r" + new string(' ', _width) + "\r");
                _output.Flush();
                _width = 0;
            }
        }
    }
}
