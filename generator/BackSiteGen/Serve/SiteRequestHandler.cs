using System.Text;
using Microsoft.AspNetCore.Http;

namespace BackSiteGen.Serve;

/// <summary>Answers every request from the in-memory site: a file, a redirect to a folder's slash, the site's 404 page,
/// or one of serve's own files. Nothing here touches the disk.</summary>
public sealed class SiteRequestHandler(SiteSession session, LiveReload reload, CancellationToken stopping)
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }

        var path = request.Path.Value ?? "/";
        var site = session.Current;
        switch (path)
        {
            case ServeAssets.EventsPath:
                await StreamEventsAsync(context, site).ConfigureAwait(false);
                return;
            case ServeAssets.ScriptPath:
                await SendAsync(context, 200, "text/javascript; charset=utf-8", Encoding.UTF8.GetBytes(ServeAssets.Script)).ConfigureAwait(false);
                return;
            case ServeAssets.StylePath:
                await SendAsync(context, 200, "text/css; charset=utf-8", Encoding.UTF8.GetBytes(ServeAssets.Style)).ConfigureAwait(false);
                return;
            case ServeAssets.ProblemsPath:
                await SendAsync(context, 200, "text/html; charset=utf-8", ServeInjection.ProblemsPage(site)).ConfigureAwait(false);
                return;
        }

        var resolved = RequestPath.Resolve(path, site.BasePath);
        if (resolved.Verdict == RequestPath.Verdict.Bad)
        {
            await SendAsync(context, 400, "text/plain; charset=utf-8", "Bad request: the path leaves the site.\n"u8.ToArray()).ConfigureAwait(false);
            return;
        }

        if (resolved.Verdict == RequestPath.Verdict.Outside)
        {
            // A project site lives below /repo/; the root sends the browser there instead of a bare 404.
            if (path == "/")
            {
                Redirect(context, site.BasePath);
                return;
            }

            await NotFoundAsync(context, site).ConfigureAwait(false);
            return;
        }

        var key = resolved.Key;
        if (key.Length == 0 && !path.EndsWith('/'))
        {
            Redirect(context, site.BasePath + request.QueryString);
            return;
        }

        var file = key.Length == 0 || key.EndsWith('/') ? key + "index.html" : key;
        if (site.Files.TryGetValue(file, out var bytes))
        {
            await SendFileAsync(context, 200, file, bytes, site).ConfigureAwait(false);
            return;
        }

        // A folder asked for without its slash: relative links inside it only work from the URL with the slash.
        if (!key.EndsWith('/') && site.Files.ContainsKey(key + "/index.html"))
        {
            Redirect(context, request.PathBase + path + "/" + request.QueryString);
            return;
        }

        await NotFoundAsync(context, site).ConfigureAwait(false);
    }

    private static Task NotFoundAsync(HttpContext context, ServedSite site) =>
        site.Files.TryGetValue("404.html", out var page)
            ? SendFileAsync(context, 404, "404.html", page, site)
            : SendFileAsync(context, 404, "404.html", Encoding.UTF8.GetBytes("<!doctype html><title>Not found</title><h1>Not found</h1><p>The site has no page here.</p></body>"), site);

    private static void Redirect(HttpContext context, string location)
    {
        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = location;
    }

    private static Task SendFileAsync(HttpContext context, int status, string file, byte[] bytes, ServedSite site)
    {
        var type = ContentTypes.Of(file);
        var body = type.StartsWith("text/html", StringComparison.Ordinal) ? ServeInjection.Inject(bytes, site, status == 200 ? file : null) : bytes;
        return SendAsync(context, status, type, body);
    }

    private static async Task SendAsync(HttpContext context, int status, string type, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = type;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private async Task StreamEventsAsync(HttpContext context, ServedSite site)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers["X-Accel-Buffering"] = "no";
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        await reload.StreamAsync(response.Body, token => response.Body.FlushAsync(token), site.Version, cancel.Token).ConfigureAwait(false);
    }
}
