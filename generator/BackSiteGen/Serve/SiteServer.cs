using System.Net;
using BackSiteGen.Site;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BackSiteGen.Serve;

/// <summary><c>serve</c> as a whole: the session built once, Kestrel answering from it, the watcher rebuilding it
/// and live reload telling browsers. Disposing stops all three.</summary>
public sealed class SiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SiteWatcher _watcher;
    private readonly CancellationTokenSource _stopping;

    private SiteServer(WebApplication app, SiteWatcher watcher, CancellationTokenSource stopping, SiteSession session, Uri address, RebuildReport first)
    {
        _app = app;
        _watcher = watcher;
        _stopping = stopping;
        Session = session;
        Address = address;
        FirstBuild = first;
    }

    public SiteSession Session { get; }

    /// <summary>Where the site is served, with the port actually bound, and the site's base path.</summary>
    public Uri Address { get; }

    public RebuildReport FirstBuild { get; }

    /// <param name="rebuilt">Called after the first build and after every rebuild, from a background thread.</param>
    /// <param name="progress">Told how the first build advances.</param>
    public static async Task<SiteServer> StartAsync(BuildOptions build, ServeOptions serve, Action<RebuildReport> rebuilt, IProgress<BuildProgress>? progress = null, CancellationToken cancel = default)
    {
        var address = ParseHost(serve.Host);
        var session = new SiteSession(build);
        var first = session.Reload(progress: progress);
        rebuilt(first);

        var stopping = new CancellationTokenSource();
        var reload = new LiveReload();
        var handler = new SiteRequestHandler(session, reload, stopping.Token, new HostGuard(address));

        // The empty builder reads no appsettings, environment or command line: only what serve says applies.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = build.BaseDirectory });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, serve.Port);
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, CommandLineLifetime>();
        var app = builder.Build();
        app.Run(handler.HandleAsync);
        SiteWatcher watcher;
        try
        {
            await app.StartAsync(cancel).ConfigureAwait(false);

            // Kestrel first: a port already in use should fail before anything watches the disk.
            watcher = new SiteWatcher(session, report =>
            {
                reload.Publish(report);
                rebuilt(report);
            });
        }
        catch
        {
            await stopping.CancelAsync().ConfigureAwait(false);
            stopping.Dispose();
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal)), first.Site.BasePath);
        return new SiteServer(app, watcher, stopping, session, uri, first);
    }

    /// <summary>An IP address, or "localhost" for the IPv4 loopback.</summary>
    public static IPAddress ParseHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(host, out var ip) ? ip
        : throw new FormatException($"'{host}' is not an IP address; use 127.0.0.1 (the default), ::1 or, to let other machines see the preview, 0.0.0.0.");

    public async ValueTask DisposeAsync()
    {
        _watcher.Dispose();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
