namespace BackSiteGen.Serve;

/// <summary>The files <c>serve</c> adds below <see cref="Prefix"/>: same origin as the site, so its
/// Content-Security-Policy (<c>script-src 'self'; style-src 'self'</c>) allows them without any inline code.</summary>
public static class ServeAssets
{
    /// <summary>Starts with '_', which the content scanner never publishes, so no page can collide with it.</summary>
    public const string Prefix = "/__backsitegen/";

    public const string EventsPath = Prefix + "events";
    public const string ScriptPath = Prefix + "reload.js";
    public const string StylePath = Prefix + "overlay.css";

    /// <summary>Every error and warning of the site, at a URL a writer can keep open.</summary>
    public const string ProblemsPath = Prefix + "problems";

    /// <summary>Keeps the page in step with the files: when a rebuild changed this page (or everything), it fetches the
    /// page again and swaps in its body, which keeps the scroll position and costs no navigation; when the head changed
    /// (the stylesheet, and so the policy that allows it by hash), it reloads.</summary>
    public const string Script = """
        (() => {
          "use strict";
          const me = document.currentScript;
          let version = me ? me.dataset.version : null;
          const here = decodeURI(location.pathname).replace(/index\.html$/, "");
          let queue = Promise.resolve();
          async function refresh() {
            try {
              const response = await fetch(location.href, { cache: "no-store" });
              const next = new DOMParser().parseFromString(await response.text(), "text/html");
              if (next.head.innerHTML !== document.head.innerHTML) {
                location.reload();
                return;
              }
              document.body.replaceWith(document.adoptNode(next.body));
              document.documentElement.dataset.backsitegenVersion = version;
            } catch {
              location.reload();
            }
          }
          const events = new EventSource("/__backsitegen/events");
          events.addEventListener("hello", e => {
            if (version !== null && e.data !== version) location.reload();
          });
          events.addEventListener("changed", e => {
            const message = JSON.parse(e.data);
            version = String(message.version);
            if (message.urls.includes("*") || message.urls.map(decodeURI).includes(here)) queue = queue.then(refresh);
          });
        })();

        """;

    public const string Style = """
        #backsitegen-overlay { position: relative; z-index: 2147483647; margin: 0; padding: .75rem 1rem;
          background: #fff4f4; color: #3b0000; border-bottom: 4px solid #b00020;
          font: 15px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; text-align: left; }
        #backsitegen-overlay h1, #backsitegen-overlay h2 { margin: 0 0 .25rem; font-size: 1rem; color: inherit; }
        #backsitegen-overlay.problems h2 { margin-top: 1rem; }
        #backsitegen-overlay p { margin: .25rem 0; max-width: none; }
        #backsitegen-overlay ol { margin: .25rem 0; padding-left: 1.5rem; }
        #backsitegen-overlay li { margin: .25rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
        #backsitegen-overlay li.warning { color: #4a3300; }
        #backsitegen-overlay .where { font-weight: bold; }
        #backsitegen-overlay a { color: #00309e; }

        """;
}
