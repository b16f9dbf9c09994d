using Microsoft.Extensions.Hosting;

namespace BackSiteGen.Serve;

/// <summary>Leaves Ctrl+C and SIGTERM to the command line, which cancels <c>serve</c> and disposes the server.</summary>
/// <remarks>The host's default console lifetime would take those signals for itself and stop Kestrel while the
/// command kept waiting, so the process never ended; in tests it would also react to signals meant for the test host.</remarks>
internal sealed class CommandLineLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
