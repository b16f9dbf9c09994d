using BackSiteGen.Site;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace BackSiteGen.BrowserTests;

/// <summary>The real microsite (content/ and themes/default) built with --strict into a temporary folder and
/// served by Kestrel on 127.0.0.1, as GitHub Pages would serve it: folder URLs to index.html, 404.html otherwise.</summary>
public sealed class BuiltSite : IAsyncLifetime
{
    private WebApplication? _app;

    public string Output { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bsg-browser-" + Guid.NewGuid().ToString("N")[..12]);

    public Uri Origin { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Every page of the site as a URL path, 404.html included, in a stable order.</summary>
    public IReadOnlyList<string> Pages { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot.Path;
        // The golden files' day (tests/BackSiteGen.Tests/Golden/Microsite.cs): the Spanish pages were reviewed on it.
        var result = SiteBuilder.Build(new BuildOptions("content", "themes/default", Output, Strict: true, BuildDate: new DateOnly(2026, 12, 1), WorkingDirectory: root));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The microsite did not build: " + string.Join(Environment.NewLine, result.Diagnostics.Select(d => d.ToString())));
        }

        Pages = Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
            .Select(f => "/" + System.IO.Path.GetRelativePath(Output, f).Replace('\\', '/'))
            .Select(p => p.EndsWith("/index.html", StringComparison.Ordinal) ? p[..^"index.html".Length] : p)
            .Order(StringComparer.Ordinal)
            .ToList();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        var files = new PhysicalFileProvider(Output);
        _app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        _app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = false });
        _app.Run(async context =>
        {
            context.Response.StatusCode = 404;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(files.GetFileInfo("404.html"));
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Origin = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(Output, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; a test must not fail on cleanup.
        }
    }
}
