using System.Text;
using System.Text.RegularExpressions;
using BackSiteGen.Diagnostics;
using BackSiteGen.Serve;
using BackSiteGen.Site;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Golden;

/// <summary>What a writer previews is what CI publishes: the real microsite served by <c>serve</c> (Kestrel, the watcher,
/// incremental rebuilds) answers every file with the bytes a fresh <c>build</c> of the same sources writes, less the
/// live-reload script, at the start and after each kind of edit.</summary>
public sealed partial class ServeEqualsBuildTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bsg-serve-build-" + Guid.NewGuid().ToString("N")[..12]);

    public ServeEqualsBuildTests()
    {
        Copy(Path.Combine(Repository.Root, "content"), Path.Combine(_root, "content"));
        Copy(Path.Combine(Repository.Root, "themes", "default"), Path.Combine(_root, "themes", "default"));
    }

    [Fact]
    public async Task Every_file_serve_answers_equals_what_build_writes_after_every_kind_of_edit()
    {
        var options = Microsite.Options("output", workingDirectory: _root) with { Strict = false };
        await using var server = await SiteServer.StartAsync(options, new ServeOptions("127.0.0.1", 0), _ => { });
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        await AssertServeEqualsBuild(server, http, "at start");

        var edits = new (string What, Action Edit)[]
        {
            ("a page's text (an exercise step the handout repeats)", () => Edit("content/exercises/cat-cow.md", text => FirstStep().Replace(text, "${start}Edited for the test. ", 1))),
            ("a page's title", () => Edit("content/prevention.md", text => TitleLine().Replace(text, "title: Prevention, edited for the test", 1))),
            ("the stylesheet", () => Edit("themes/default/assets/site.css", text => text + "\n.bsg-edited { color: inherit; }\n")),
            ("the bibliography", () => Edit("content/references.yaml", text => ReferenceTitle().Replace(text, "${key}Edited for the test: ", 1))),
            ("the glossary", () => Edit("content/glossary.yml", text => Definition().Replace(text, "${key}Edited for the test. ", 1))),
            ("a new page", () => File.WriteAllText(Path.Combine(_root, "content/edited-for-the-test.md"), TitleLine().Replace(File.ReadAllText(Path.Combine(_root, "content/prevention.md")), "title: A page added by the test", 1))),
            ("a deleted page", () => File.Delete(Path.Combine(_root, "content/edited-for-the-test.md"))),
        };
        foreach (var (what, edit) in edits)
        {
            var before = server.Session.Current.Version;
            edit();
            await Settled(server, before, what);
            await AssertServeEqualsBuild(server, http, "after editing " + what);
            if (what.StartsWith("a page's text", StringComparison.Ordinal))
            {
                Assert.Contains(server.Session.Current.Problems, d => d.Code == "BSG0912" && d.Span.ToString().StartsWith("content/es/exercises/cat-cow.md(", StringComparison.Ordinal));
            }
        }
    }

    private async Task AssertServeEqualsBuild(SiteServer server, HttpClient http, string when)
    {
        var output = Path.Combine(_root, "built-" + Guid.NewGuid().ToString("N")[..8]);
        var build = SiteBuilder.Build(Microsite.Options(output, workingDirectory: _root) with { Strict = false });
        Assert.True(build.Succeeded, $"The build {when} failed:\n" + string.Join('\n', build.Lines()));
        var built = Microsite.FilesBelow(output);
        var served = server.Session.Current.Files.Keys.Order(StringComparer.Ordinal).ToList();
        Assert.True(built.SequenceEqual(served), $"{when}: serve has [{string.Join(", ", served.Except(built))}] that build has not, and lacks [{string.Join(", ", built.Except(served))}].");
        // The same findings on screen as in the build's log (an edited English page makes its Spanish translation stale).
        static List<string> Findings(IEnumerable<Diagnostic> diagnostics) =>
            [.. diagnostics.Where(d => d.Severity >= Severity.Warning).Select(d => d.ToString()).Order(StringComparer.Ordinal)];
        Assert.Equal(Findings(build.Diagnostics), Findings(server.Session.Current.Problems));

        foreach (var file in built)
        {
            var url = server.Session.Current.BasePath + (file.EndsWith("index.html", StringComparison.Ordinal) ? file[..^"index.html".Length] : file);
            var answer = await http.GetByteArrayAsync(new Uri(url.TrimStart('/'), UriKind.Relative));
            var expected = File.ReadAllBytes(Path.Combine(output, file));
            var got = file.EndsWith(".html", StringComparison.Ordinal) ? WithoutReloadScript(answer) : answer;
            Assert.True(expected.AsSpan().SequenceEqual(got), $"{when}: {url} as served differs from {file} as built.");
        }

        Directory.Delete(output, recursive: true);
    }

    /// <summary>Waits for the watcher to rebuild after an edit, then for it to stay quiet (an edit may be seen as several).</summary>
    private static async Task Settled(SiteServer server, long before, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (server.Session.Current.Version == before)
        {
            Assert.True(DateTime.UtcNow < deadline, $"serve never rebuilt after editing {what}.");
            await Task.Delay(20);
        }

        var seen = server.Session.Current.Version;
        while (true)
        {
            await Task.Delay(400);
            var now = server.Session.Current.Version;
            if (now == seen)
            {
                return;
            }

            seen = now;
        }
    }

    /// <summary>A served page less what serve adds to it: the reload script and, while the site has problems, the panel.</summary>
    private static byte[] WithoutReloadScript(byte[] html) =>
        Encoding.UTF8.GetBytes(Panel().Replace(ReloadScript().Replace(Encoding.UTF8.GetString(html), string.Empty, 1), string.Empty, 1));

    private void Edit(string relative, Func<string, string> change)
    {
        var path = Path.Combine(_root, relative);
        var text = File.ReadAllText(path);
        var changed = change(text);
        Assert.NotEqual(text, changed);
        File.WriteAllText(path, changed);
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [GeneratedRegex(@"<script src=""/__backsitegen/reload\.js"" data-version=""\d+"" defer></script>\n")]
    private static partial Regex ReloadScript();

    [GeneratedRegex(@"<link rel=""stylesheet"" href=""/__backsitegen/overlay\.css"">\n<section id=""backsitegen-overlay"".*?</section>\n", RegexOptions.Singleline)]
    private static partial Regex Panel();

    [GeneratedRegex(@"(?<start>:::steps\n1\. )")]
    private static partial Regex FirstStep();

    [GeneratedRegex(@"(?m)^title: .*$")]
    private static partial Regex TitleLine();

    [GeneratedRegex(@"(?<key>\n    title: ""?)")]
    private static partial Regex ReferenceTitle();

    [GeneratedRegex(@"(?<key>definition: )")]
    private static partial Regex Definition();
}
