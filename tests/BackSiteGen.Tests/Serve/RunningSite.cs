using System.Net.Sockets;
using System.Text;
using BackSiteGen.Serve;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Serve;

/// <summary>A fixture site served in-process on 127.0.0.1 and a free port, as <c>serve</c> runs it: watcher, Kestrel and all.</summary>
internal sealed class RunningSite : IAsyncDisposable
{
    /// <summary>Generous: this bounds a wait on a shared, busy machine; it is not a performance assertion.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly List<RebuildReport> _reports;

    private RunningSite(SiteFixture site, SiteServer server, HttpClient http, List<RebuildReport> reports)
    {
        _reports = reports;
        Site = site;
        Server = server;
        Http = http;
    }

    public SiteFixture Site { get; }

    public SiteServer Server { get; }

    public HttpClient Http { get; }

    public IReadOnlyList<RebuildReport> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    public static async Task<RunningSite> StartAsync(string spec)
    {
        var site = SiteFixture.Create(spec);
        var reports = new List<RebuildReport>();
        var server = await SiteServer.StartAsync(site.Options(), new ServeOptions("127.0.0.1", 0), r =>
        {
            lock (reports)
            {
                reports.Add(r);
            }
        });
        return new RunningSite(site, server, new HttpClient { BaseAddress = server.Address, Timeout = Patience }, reports);
    }

    public async Task<(int Status, string Body)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Polls until the page satisfies <paramref name="condition"/>; fails with the last body seen.</summary>
    public async Task<string> WaitForAsync(string path, Func<string, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        var body = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            (_, body) = await GetAsync(path);
            if (condition(body))
            {
                return body;
            }

            await Task.Delay(25);
        }

        Assert.Fail($"{path} did not change as expected within {Patience.TotalSeconds} s. Last body:\n{body}");
        return body;
    }

    /// <summary>Sends a request line exactly as written: HttpClient would normalize "..", which is what the probe must not have done for it.</summary>
    public async Task<(int Status, string Response)> RawGetAsync(string target)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Server.Address.Host, Server.Address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: {Server.Address.Authority}\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        var status = text.Length > 12 ? int.Parse(text.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (status, text);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        Site.Dispose();
    }
}
