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

    public const string Script = """
        (() => {
          "use strict";
          const me = document.currentScript;
          let version = me ? me.dataset.version : null;
          const here = decodeURI(location.pathname).replace(/index\.html$/, "");
          const close = document.querySelector("[data-backsitegen-close]");
          if (close) {
            close.addEventListener("click", () => close.closest("#backsitegen-overlay").hidden = true);
          }
          const events = new EventSource("/__backsitegen/events");
          events.addEventListener("hello", e => {
            if (version !== null && e.data !== version) location.reload();
          });
          events.addEventListener("changed", e => {
            const message = JSON.parse(e.data);
            version = String(message.version);
            if (message.urls.includes("*") || message.urls.map(decodeURI).includes(here)) location.reload();
          });
        })();

        """;

    public const string Style = """
        #backsitegen-overlay { position: fixed; inset: auto 0 0 0; max-height: 60vh; overflow: auto; z-index: 2147483647;
          margin: 0; padding: 1rem 1.25rem; background: #fff4f4; color: #3b0000; border-top: 4px solid #b00020;
          font: 15px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; box-shadow: 0 -4px 16px rgb(0 0 0 / 25%); }
        #backsitegen-overlay h2 { margin: 0 0 .5rem; font-size: 1rem; }
        #backsitegen-overlay ol { margin: 0; padding-left: 1.5rem; }
        #backsitegen-overlay li { margin: .25rem 0; white-space: pre-wrap; }
        #backsitegen-overlay .where { font-weight: bold; }
        #backsitegen-overlay button { float: right; font: inherit; }

        """;
}
