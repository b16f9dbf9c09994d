using System.IO.Enumeration;
using System.Text;

namespace BackSiteGen.Output;

/// <summary>What turns the site in the output folder into this build's when few files changed: the staged files to move
/// over their old names, and every entry of the output that is not in the new site, to remove. Found by walking the
/// output (a file a user dropped into it goes, as with the swap), never by trusting the previous record.</summary>
/// <param name="Moves">Output paths (with <c>/</c>) of the files in staging, in the order they are moved in.</param>
/// <param name="Removals">Output paths of entries no file of the new site is at or under: a whole folder where the new site
/// has nothing under it, or a file, link or special file the new site does not have.</param>
/// <param name="Materialize">Unchanged files the walk did not find as plain files under plain folders (a folder on the way
/// was replaced by a link, or the file changed since it was compared): copied into staging, checked against their
/// hash, before anything in the output is touched; they are among <paramref name="Moves"/>.</param>
internal sealed record InPlaceChanges(IReadOnlyList<string> Moves, IReadOnlyList<string> Removals, IReadOnlyList<string> Materialize)
{
    private const string JournalHeader = "commit in place 1";
    private const string JournalEnd = "end";

    /// <summary>How many entries of the output this commit changes.</summary>
    public int Count => Moves.Count + Removals.Count;

    /// <summary>Walks <paramref name="target"/> without following links and compares it with the new site's files.</summary>
    /// <param name="files">Every file of the new site, by output path.</param>
    /// <param name="staged">The files this build wrote into staging (new or changed); the others are in the output already,
    /// compared byte for byte while the site was built.</param>
    /// <param name="keptAtTop">The repository's files at the top of the output, left as they are when they are plain files.</param>
    public static InPlaceChanges Of(string target, IReadOnlyDictionary<string, (long Size, string Hash)> files, IReadOnlySet<string> staged, IReadOnlyCollection<string> keptAtTop)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in files.Keys)
        {
            for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
            {
                if (!folders.Add(path[..slash]))
                {
                    break;
                }
            }
        }

        // The top is walked here, each folder below it by its own task: an output is a folder per page, and on a small edit
        // reading them is most of the commit.
        var present = new HashSet<string>(StringComparer.Ordinal);
        var removals = new List<string>();
        var keptHere = new HashSet<string>(StringComparer.Ordinal);
        var below = new List<string>();
        foreach (var (name, isFolder, isLink) in Entries(target))
        {
            if (!isFolder && !isLink && (name == OutputFolder.MarkerFile || keptAtTop.Contains(name)))
            {
                // The marker is replaced last, by the new one; the repository's files stay.
                keptHere.Add(name);
            }
            else if (Sort(name, isFolder, isLink, folders, files, present, removals))
            {
                below.Add(name);
            }
        }

        var walks = new (HashSet<string> Present, List<string> Removals)[below.Count];
        try
        {
            Parallel.For(0, below.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => walks[i] = Walk(target, below[i], folders, files));
        }
        catch (AggregateException ex) when (FileSystemFailure.Of(ex) is { } io)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(io);
        }

        foreach (var (walkedPresent, walkedRemovals) in walks)
        {
            present.UnionWith(walkedPresent);
            removals.AddRange(walkedRemovals);
        }

        var moves = new List<string>(staged.Count);
        var materialize = new List<string>();
        foreach (var path in files.Keys)
        {
            if (keptHere.Contains(path) && path != OutputFolder.MarkerFile)
            {
                // The repository's .gitignore wins over a built one, as with the swap.
                continue;
            }

            if (staged.Contains(path))
            {
                moves.Add(path);
            }
            else if (!present.Contains(path))
            {
                moves.Add(path);
                materialize.Add(path);
            }
        }

        moves.Sort(StringComparer.Ordinal);
        removals.Sort(StringComparer.Ordinal);
        return new InPlaceChanges(moves, removals, materialize);
    }

    /// <summary>Every entry under <paramref name="top"/> (a folder of the new site at the top of the output), sorted as
    /// <see cref="Sort"/> says.</summary>
    private static (HashSet<string> Present, List<string> Removals) Walk(string target, string top, HashSet<string> folders, IReadOnlyDictionary<string, (long Size, string Hash)> files)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        var removals = new List<string>();
        var pending = new Stack<string>();
        pending.Push(top);
        while (pending.TryPop(out var folder))
        {
            foreach (var (name, isFolder, isLink) in Entries(Path.Combine(target, folder)))
            {
                var path = folder + "/" + name;
                if (Sort(path, isFolder, isLink, folders, files, present, removals))
                {
                    pending.Push(path);
                }
            }
        }

        return (present, removals);
    }

    /// <summary>Puts one entry of the output where it belongs: a file of the new site among <paramref name="present"/>, an
    /// entry the new site has nothing at or under among <paramref name="removals"/>. True for a folder of the new site, to
    /// walk into.</summary>
    /// <remarks>Anything else (a link or a file where a folder of the new site goes, a folder or a link where one of its
    /// files goes) is removed by the move of the file at or under it, which every such path has: see <see cref="Of"/>.</remarks>
    private static bool Sort(string path, bool isFolder, bool isLink, HashSet<string> folders, IReadOnlyDictionary<string, (long Size, string Hash)> files, HashSet<string> present, List<string> removals)
    {
        if (isFolder && !isLink && folders.Contains(path))
        {
            return true;
        }

        if (!isFolder && !isLink && files.ContainsKey(path))
        {
            present.Add(path);
        }
        else if (!folders.Contains(path) && !files.ContainsKey(path))
        {
            removals.Add(path);
        }

        return false;
    }

    /// <summary>A folder's entries with their kind as the folder itself records it (<c>d_type</c>): asking .NET for an entry's
    /// attributes costs an <c>lstat</c> and a <c>geteuid</c> per entry, 8,000 system calls on a 2,000-page output.</summary>
    private static IEnumerable<(string Name, bool IsFolder, bool IsLink)> Entries(string folder) =>
        OperatingSystem.IsLinux() ? FolderEntries.Of(folder) : new FileSystemEnumerable<(string Name, bool IsFolder, bool IsLink)>(
            folder, (ref FileSystemEntry entry) => (entry.FileName.ToString(), entry.IsDirectory, (entry.Attributes & FileAttributes.ReparsePoint) != 0), new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false });

    /// <summary>The journal of this commit: read back by <see cref="FromJournal"/> after a crash to finish it.</summary>
    public string JournalText(string staging)
    {
        var text = new StringBuilder(JournalHeader).Append('\n').Append("staging ").Append(Escape(staging)).Append('\n');
        foreach (var removal in Removals)
        {
            text.Append("remove ").Append(Escape(removal)).Append('\n');
        }

        foreach (var move in Moves)
        {
            text.Append("move ").Append(Escape(move)).Append('\n');
        }

        return text.Append(JournalEnd).Append('\n').ToString();
    }

    /// <summary>True when a journal beside the output is one of a commit in place (and not of a swap).</summary>
    public static bool IsJournal(IReadOnlyList<string> lines) => lines.Count > 0 && lines[0] == JournalHeader;

    /// <summary>The staging folder and the changes a journal lists; null when it was not written to its end (the build
    /// was killed while writing it, before it touched the output) or cannot be read.</summary>
    public static (string Staging, InPlaceChanges Changes)? FromJournal(IReadOnlyList<string> lines)
    {
        if (lines.Count < 3 || lines[0] != JournalHeader || lines[^1] != JournalEnd || !lines[1].StartsWith("staging ", StringComparison.Ordinal))
        {
            return null;
        }

        var moves = new List<string>();
        var removals = new List<string>();
        for (var i = 2; i < lines.Count - 1; i++)
        {
            if (lines[i].StartsWith("remove ", StringComparison.Ordinal))
            {
                removals.Add(Unescape(lines[i]["remove ".Length..]));
            }
            else if (lines[i].StartsWith("move ", StringComparison.Ordinal))
            {
                moves.Add(Unescape(lines[i]["move ".Length..]));
            }
            else
            {
                return null;
            }
        }

        return (Unescape(lines[1]["staging ".Length..]), new InPlaceChanges(moves, removals, []));
    }

    /// <summary>One path per line whatever its name: a file a user dropped into the output may have a line break in it.</summary>
    private static string Escape(string path) =>
        path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);

    private static string Unescape(string text)
    {
        var plain = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                plain.Append(text[i] switch { 'n' => '\n', 'r' => '\r', var other => other });
            }
            else
            {
                plain.Append(text[i]);
            }
        }

        return plain.ToString();
    }
}
