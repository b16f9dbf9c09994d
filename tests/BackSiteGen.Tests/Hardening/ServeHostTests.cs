using System.Net;
using BackSiteGen.Serve;
using BackSiteGen.Tests.Infrastructure;
using BackSiteGen.Tests.Serve;

namespace BackSiteGen.Tests.Hardening;

/// <summary>A real <c>serve</c> on 127.0.0.1 asked as a DNS-rebinding page would ask it: with a hostile Host header, and
/// for the live-reload stream with another site's Origin.</summary>
public sealed class ServeHostTests
{
    private const string Site = SiteFixture.NoReviewCycle + """
        -- content/index.md --
        ---
        title: Home
        description: D
        ---
        Private draft.
        """;

    [Theory]
    [InlineData("attacker.example")]
    [InlineData("127.0.0.1.attacker.example")]
    [InlineData("localhost.attacker.example")]
    [InlineData("10.0.0.7")]
    public async Task A_request_for_another_host_is_refused(string host)
    {
        await using var running = await RunningSite.StartAsync(Site);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Host = host;

        using var response = await running.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("Private draft.", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("preview.localhost")]
    public async Task A_request_for_a_loopback_name_is_answered(string host)
    {
        await using var running = await RunningSite.StartAsync(Site);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Host = host + ":" + running.Server.Address.Port;

        using var response = await running.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Private draft.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://attacker.example", HttpStatusCode.Forbidden)]
    [InlineData("null", HttpStatusCode.Forbidden)]
    [InlineData("https://localhost.attacker.example", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost:4000", HttpStatusCode.OK)]
    [InlineData("http://127.0.0.1:4000", HttpStatusCode.OK)]
    public async Task The_live_reload_stream_checks_the_origin(string origin, HttpStatusCode expected)
    {
        await using var running = await RunningSite.StartAsync(Site);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(ServeAssets.EventsPath, UriKind.Relative));
        request.Headers.Add("Origin", origin);

        using var response = await running.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public void Any_literal_address_passes_when_bound_to_every_interface_but_names_do_not()
    {
        var guard = new HostGuard(IPAddress.Any);

        Assert.True(guard.AllowsHost("192.168.1.20"));
        Assert.True(guard.AllowsHost("[::1]"));
        Assert.False(guard.AllowsHost("my-laptop.attacker.example"));
        Assert.False(guard.AllowsHost(string.Empty));
    }
}
