using BackSiteGen.Diagnostics;

namespace BackSiteGen.Output;

/// <summary>A point of the swap at which a test may interrupt it, as a crash would.</summary>
public enum SwapStep
{
    Exchanged,
    JournalWritten,
    OldMovedAside,
    NewMovedIn,
    JournalRemoved,
    OldRemoved,

    /// <summary>A commit in place: its journal is written, nothing in the output is touched yet.</summary>
    InPlaceJournalWritten,

    /// <summary>A commit in place: what the new site does not have is removed.</summary>
    InPlaceRemoved,

    /// <summary>A commit in place: the first changed file is moved in.</summary>
    InPlaceFirstMoved,

    /// <summary>A commit in place: every changed file is moved in, the old marker is still there.</summary>
    InPlaceMoved,

    /// <summary>A commit in place: the new marker is in.</summary>
    MarkerMovedIn,

    /// <summary>A commit in place: the staging folder, empty by now, is removed; the journal is still there.</summary>
    StagingRemoved,

    /// <summary>A commit in place: done.</summary>
    InPlaceJournalRemoved,
}

/// <summary>Builds into a fresh folder beside the output and swaps it in only when the build succeeded,
/// so a failed build leaves the previous site exactly as it was and stale files never survive.</summary>
/// <remarks>The swap is one atomic step where the system allows it (<c>renameat2(RENAME_EXCHANGE)</c>); elsewhere it is two
/// renames recorded in a journal beside the output. Either way a build killed at any moment leaves the old site or the new
/// one, complete, and the next build puts back whatever a crash left half done before it does anything else.</remarks>
public sealed class OutputFolder : IDisposable
{
    /// <summary>The file that says BackSiteGen built a folder; a non-empty output folder without it is not replaced.</summary>
    public const string MarkerFile = ".backsitegen-output";

    private const string MarkerText = "This folder was built by BackSiteGen; every build replaces all of it.\n";

    /// <summary>Files at the top of the output folder that belong to the repository, not to a build, and are carried over.</summary>
    private static readonly string[] KeptFiles = [".gitignore", ".gitkeep"];

    /// <summary>What every build wrote before the marker existed: such a folder is ours too.</summary>
    private static readonly string[] LegacyFiles = [".nojekyll", "sitemap.xml", "robots.txt"];

    private readonly FileStream _lock;
    private readonly DiagnosticBag _diagnostics;
    private readonly string _display;
    private bool _committed;

    private OutputFolder(string target, string staging, FileStream lockStream, DiagnosticBag diagnostics, string display)
    {
        Target = target;
        Staging = staging;
        _lock = lockStream;
        _diagnostics = diagnostics;
        _display = display;
    }

    /// <summary>The output folder the user named.</summary>
    public string Target { get; }

    /// <summary>Where this build writes; becomes <see cref="Target"/> on <see cref="Commit"/>.</summary>
    public string Staging { get; }

    /// <summary>Where the previous site waits during a swap of two renames.</summary>
    private string Old => Staging + "-old";

    private string Journal => JournalOf(Target);

    /// <summary>Tests interrupt the swap here, by throwing, as a crash would.</summary>
    internal Action<SwapStep>? Interrupt { get; set; }

    /// <summary>Tests turn the one-step exchange off to exercise the journal.</summary>
    internal bool UseExchange { get; set; } = true;

    /// <summary>Refuses dangerous targets and takes the output lock; null with a diagnostic when that is not possible.</summary>
    /// <param name="target">Absolute path of the output folder.</param>
    /// <param name="output">The output folder as the user wrote it, for messages.</param>
    /// <param name="force">Replace a non-empty output folder that BackSiteGen did not build.</param>
    public static OutputFolder? Open(string target, string output, string workingDirectory, IEnumerable<string> protectedFolders, DiagnosticBag diagnostics, bool force = false)
    {
        if (Refusal(target, workingDirectory, protectedFolders) is { } reason)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.OutputFolderRefused, SourceSpan.WholeFile(output), $"Refusing to build into '{output}': {reason} Nothing was deleted."));
            return null;
        }

        var parent = Path.GetDirectoryName(target)!;
        var name = Path.GetFileName(target);
        var lockStream = TakeLock(target, output, diagnostics);
        if (lockStream is null)
        {
            return null;
        }

        try
        {
            Recover(target, output, diagnostics);
            if (!force && Directory.Exists(target) && !IsOurs(target))
            {
                lockStream.Dispose();
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.OutputNotOurs, SourceSpan.WholeFile(output), $"Refusing to replace '{output}': it holds files BackSiteGen did not build (it has no {MarkerFile} file). Nothing was deleted. Empty it, choose another --output, or build with --force to replace it."));
                return null;
            }

            var staging = FreeStaging(parent, name);
            if (staging is null)
            {
                lockStream.Dispose();
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileSystemError, SourceSpan.WholeFile(output), $"Cannot create a build folder beside '{output}': every '.backsitegen-{name}-staging' name is taken by folders BackSiteGen did not make or cannot remove."));
                return null;
            }

            Directory.CreateDirectory(staging);
            File.WriteAllText(Path.Combine(staging, MarkerFile), MarkerText);
            return new OutputFolder(target, staging, lockStream, diagnostics, output);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            lockStream.Dispose();
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileSystemError, SourceSpan.WholeFile(output), $"Cannot create the build folder: {ex.Message}"));
            return null;
        }
    }

    /// <summary>At the start of a build, before anything can fail: puts back what an interrupted swap left, so that even a
    /// build that fails on its content leaves a complete output. Does nothing while another build holds the lock.</summary>
    public static void RecoverInterrupted(string target, string output, DiagnosticBag diagnostics)
    {
        var parent = Path.GetDirectoryName(target);
        if (parent is null || !File.Exists(JournalOf(target)) && !Directory.Exists(Path.Combine(parent, $".backsitegen-{Path.GetFileName(target)}-staging-old")))
        {
            return;
        }

        using var held = TakeLock(target, output, new DiagnosticBag());
        if (held is not null)
        {
            try
            {
                Recover(target, output, diagnostics);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileSystemError, SourceSpan.WholeFile(output), $"An earlier build was interrupted while swapping, and its leftovers cannot be put back: {ex.Message}"));
            }
        }
    }

    private static FileStream? TakeLock(string target, string output, DiagnosticBag diagnostics)
    {
        var parent = Path.GetDirectoryName(target)!;
        var lockPath = Path.Combine(parent, $".backsitegen-{Path.GetFileName(target)}.lock");
        try
        {
            Directory.CreateDirectory(parent);
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException) when (File.Exists(lockPath))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.OutputLocked, SourceSpan.WholeFile(output), "Another build is writing into this output folder; wait for it to finish."));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileSystemError, SourceSpan.WholeFile(output), $"Cannot write beside the output folder: {ex.Message}"));
            return null;
        }
    }

    private static string JournalOf(string target) => Path.Combine(Path.GetDirectoryName(target)!, $".backsitegen-{Path.GetFileName(target)}.journal");

    /// <summary>Puts the output back into a complete state after a crash during the swap; the caller holds the lock.</summary>
    private static void Recover(string target, string output, DiagnosticBag diagnostics)
    {
        var journal = JournalOf(target);
        string? old = null;
        if (File.Exists(journal))
        {
            var lines = File.ReadAllLines(journal);
            if (InPlaceChanges.IsJournal(lines))
            {
                RollForward(target, output, lines, diagnostics);
                return;
            }

            old = lines.FirstOrDefault(l => l.StartsWith("old=", StringComparison.Ordinal))?[4..];
        }

        var parent = Path.GetDirectoryName(target)!;
        old ??= Path.Combine(parent, $".backsitegen-{Path.GetFileName(target)}-staging-old");
        var oldIsOurs = Directory.Exists(old) && IsMarked(old);
        if (!Directory.Exists(target) && oldIsOurs)
        {
            // Killed between the two renames: the previous site is complete beside the output; it goes back.
            Directory.Move(old, target);
            diagnostics.Add(Diagnostic.Note(DiagnosticCodes.OutputRecovered, SourceSpan.WholeFile(output), $"An earlier build was interrupted while swapping its site in; '{output}' holds the previous site again, complete."));
        }
        else if (Directory.Exists(target) && oldIsOurs)
        {
            // Killed after the new site was moved in: it is complete; only the previous one is left to remove. One that
            // cannot be removed is said, never failed on: every later build would fail on it.
            try
            {
                Directory.Delete(old, recursive: true);
                diagnostics.Add(Diagnostic.Note(DiagnosticCodes.OutputRecovered, SourceSpan.WholeFile(output), $"An earlier build was interrupted after swapping its site in; '{output}' holds that build's site, complete, and the previous one was removed."));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(Diagnostic.Note(DiagnosticCodes.OutputRecovered, SourceSpan.WholeFile(output), $"'{output}' holds the site of an earlier build, complete; the site before it, in '{old}', cannot be removed ({ex.Message})."));
            }
        }

        if (File.Exists(journal))
        {
            File.Delete(journal);
        }
    }

    /// <summary>Finishes a commit in place that a crash cut short: every step of it can be done again, so it is done again
    /// from the top. A journal not written to its end was cut before the output was touched: it goes, and the staging
    /// folder, still marked, is cleared as any leftover.</summary>
    private static void RollForward(string target, string output, string[] lines, DiagnosticBag diagnostics)
    {
        var parent = Path.GetDirectoryName(target)!;
        if (InPlaceChanges.FromJournal(lines) is { } journal
            && Path.GetDirectoryName(journal.Staging) == parent
            && Path.GetFileName(journal.Staging).StartsWith($".backsitegen-{Path.GetFileName(target)}-staging", StringComparison.Ordinal))
        {
            Apply(target, journal.Staging, journal.Changes, interrupt: null);
            diagnostics.Add(Diagnostic.Note(DiagnosticCodes.OutputRecovered, SourceSpan.WholeFile(output), $"An earlier build was interrupted while committing its changes into '{output}'; they were completed from its journal, and '{output}' holds that build's site, complete."));
            return;
        }

        File.Delete(JournalOf(target));
    }

    /// <summary>The first staging name that is free or holds only a leftover of ours that could be removed. A folder that
    /// merely has our name, without our marker, is never deleted: it is someone else's.</summary>
    private static string? FreeStaging(string parent, string name)
    {
        for (var n = 1; n <= 9; n++)
        {
            var candidate = Path.Combine(parent, n == 1 ? $".backsitegen-{name}-staging" : $".backsitegen-{name}-staging-{n}");
            if (Clear(candidate) && Clear(candidate + "-old"))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool Clear(string path)
    {
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            return true;
        }

        if (Content.FileKinds.Of(path) != Content.FileKind.Directory || !IsMarked(path))
        {
            return false;
        }

        try
        {
            Directory.Delete(path, recursive: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsMarked(string folder) => Content.FileKinds.Of(Path.Combine(folder, MarkerFile)) == Content.FileKind.Regular;

    /// <summary>True for a folder BackSiteGen built (its marker, or every file older builds wrote), or one with nothing in it
    /// but the files the repository keeps there.</summary>
    private static bool IsOurs(string folder)
    {
        if (IsMarked(folder) || LegacyFiles.All(f => File.Exists(Path.Combine(folder, f))))
        {
            return true;
        }

        return Directory.EnumerateFileSystemEntries(folder).All(e => KeptFiles.Contains(Path.GetFileName(e), StringComparer.Ordinal));
    }

    /// <summary>Why a folder must never be built into (and so emptied), or null when it is safe.</summary>
    public static string? Refusal(string target, string workingDirectory, IEnumerable<string> protectedFolders)
    {
        var real = RealPath.Resolve(target);
        if (real != Path.TrimEndingDirectorySeparator(target) && Refusal(real, workingDirectory, protectedFolders) is { } reason)
        {
            return $"it leads through a symbolic link to '{real}', and {reason}";
        }

        if (Path.GetPathRoot(target) == target + Path.DirectorySeparatorChar || target.Length <= 1)
        {
            return "it is the root of the file system.";
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0 && IsSameOrAncestor(target, Path.GetFullPath(home)))
        {
            return "it is your home folder or one of its parents.";
        }

        if (IsSameOrAncestor(target, Path.GetFullPath(workingDirectory)))
        {
            return "it is the current folder or one of its parents.";
        }

        foreach (var folder in protectedFolders)
        {
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
            if (IsSameOrAncestor(target, full) || IsSameOrAncestor(target, RealPath.Resolve(full)))
            {
                return $"it is, or contains, '{folder}'.";
            }

            // Inside the content or theme folder (not the repository, which holds output/ by design), the output would be
            // read again as input: content/out republished the previous output inside itself.
            var isRepository = Directory.Exists(Path.Combine(full, ".git")) || File.Exists(Path.Combine(full, ".git"));
            if (!isRepository && (IsSameOrAncestor(full, target) || IsSameOrAncestor(RealPath.Resolve(full), target)))
            {
                return $"it is inside '{folder}', so every build would publish the previous output again.";
            }
        }

        return null;
    }

    private static bool IsSameOrAncestor(string candidate, string path)
    {
        var a = Path.TrimEndingDirectorySeparator(candidate);
        var b = Path.TrimEndingDirectorySeparator(path);
        return b.Equals(a, StringComparison.Ordinal) || b.StartsWith(a + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>True when the output is a folder of ours (not a link to one) that a commit in place can change.</summary>
    public bool CanCommitInPlace => Content.FileKinds.Of(Target) == Content.FileKind.Directory && IsMarked(Target);

    /// <summary>Most changed files a commit in place moves into an output of <paramref name="files"/> files; with more,
    /// the new site is swapped in whole.</summary>
    /// <remarks>A commit in place costs the changed files alone and the swap costs every file, so in place is cheaper at
    /// any size; but while its files move, a reader of the output (a web server serving it) sees some pages new and some
    /// old, and the journal lists every move. A quarter keeps that window to a small edit's few renames (a one-page edit
    /// of 2,000 pages changes 3 files), while a theme or configuration change, which changes nearly every page, still
    /// switches the whole site in one step.</remarks>
    internal static int InPlaceLimit(int files) => files / 4;

    /// <summary>Puts the new site in place: when <paramref name="output"/> staged only what changed and that is few files,
    /// by moving them into the output folder (see <see cref="CommitInPlace"/>); otherwise by linking the unchanged files
    /// into staging and swapping it in (see <see cref="Commit()"/>). Returns what it did, for the build's timings.</summary>
    public string Commit(StagingFolderOutput output)
    {
        if (output.StagesChangesOnly)
        {
            var staged = output.Staged.ToHashSet(StringComparer.Ordinal);
            InPlaceChanges? changes = null;
            try
            {
                changes = InPlaceChanges.Of(Target, output.Manifest.Files, staged, KeptFiles);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // An output that cannot be walked is swapped whole; the swap says what it cannot remove.
            }

            if (changes is not null && changes.Count <= InPlaceLimit(output.Manifest.Files.Count))
            {
                CommitInPlace(changes, output.Manifest.Files);
                return $"commit in place ({changes.Moves.Count:N0} written, {changes.Removals.Count:N0} removed)";
            }

            CompleteStaging(output.Previous!, output.Manifest.Files, staged);
            Commit();
            return $"swap ({output.Previous!.Linked:N0} files kept from the previous site, {output.Previous.Written + staged.Count:N0} written)";
        }

        Commit();
        return output.Previous is { } previous ? $"swap ({previous.Linked:N0} files kept from the previous site, {previous.Written:N0} written)" : "swap";
    }

    /// <summary>Too many files changed for a commit in place: the unchanged ones, compared while the site was built, are
    /// linked into staging from the previous site after checking them again, so staging is the whole site.</summary>
    private void CompleteStaging(PreviousSite previous, IReadOnlyDictionary<string, (long Size, string Hash)> files, HashSet<string> staged)
    {
        var rest = files.Where(f => !staged.Contains(f.Key)).ToList();
        var changed = 0;
        Parallel.ForEach(rest, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
        {
            var into = Path.Combine(Staging, file.Key);
            Directory.CreateDirectory(Path.GetDirectoryName(into)!);
            if (!previous.TryKeep(file.Key, file.Value.Size, file.Value.Hash, into))
            {
                Interlocked.Increment(ref changed);
            }
        });
        if (changed > 0)
        {
            throw new IOException($"{changed:N0} files in '{_display}' changed while this build ran; '{_display}' still holds the previous site, unchanged. Build again.");
        }
    }

    /// <summary>Moves the staged files into the output folder and removes what the new site does not have, after writing
    /// a journal beside the output that lets the next build finish the job if this one is killed (see
    /// <see cref="RollForward"/>). Until the journal is written nothing in the output has changed; once it is, the new site
    /// is what the output will hold, now or after the next build's recovery. The new marker goes in last.</summary>
    internal void CommitInPlace(InPlaceChanges changes, IReadOnlyDictionary<string, (long Size, string Hash)> files)
    {
        foreach (var path in changes.Materialize)
        {
            Materialize(path, files[path]);
        }

        WriteJournal(changes.JournalText(Staging));

        // From here the journal finishes the commit, now or at the next build: staging must not be removed on failure.
        _committed = true;
        Interrupt?.Invoke(SwapStep.InPlaceJournalWritten);
        try
        {
            Apply(Target, Staging, changes, Interrupt);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{ex.Message} '{_display}' is partly updated; the next build completes it from the journal beside it.", ex);
        }
    }

    /// <summary>An unchanged file the walk of the output did not find where it belongs: its bytes, read where they were
    /// compared, go into staging when they still have the recorded hash.</summary>
    private void Materialize(string path, (long Size, string Hash) file)
    {
        var from = Path.Combine(Target, path);
        var bytes = File.ReadAllBytes(from);
        if (bytes.Length != file.Size || !Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)).Equals(file.Hash, StringComparison.Ordinal))
        {
            throw new IOException($"'{path}' in '{_display}' changed while this build ran; '{_display}' still holds the previous site, unchanged. Build again.");
        }

        var into = Path.Combine(Staging, path);
        Directory.CreateDirectory(Path.GetDirectoryName(into)!);
        File.WriteAllBytes(into, bytes);
    }

    /// <summary>The steps of a commit in place after its journal; each can be done again after a crash, with the same end.</summary>
    private static void Apply(string target, string staging, InPlaceChanges changes, Action<SwapStep>? interrupt)
    {
        foreach (var removal in changes.Removals)
        {
            Remove(target, removal);
        }

        interrupt?.Invoke(SwapStep.InPlaceRemoved);
        for (var i = 0; i < changes.Moves.Count; i++)
        {
            MoveIn(target, staging, changes.Moves[i]);
            if (i == 0)
            {
                interrupt?.Invoke(SwapStep.InPlaceFirstMoved);
            }
        }

        interrupt?.Invoke(SwapStep.InPlaceMoved);
        var marker = Path.Combine(staging, MarkerFile);
        if (Content.FileKinds.Of(marker) == Content.FileKind.Regular)
        {
            File.Move(marker, Path.Combine(target, MarkerFile), overwrite: true);
        }

        interrupt?.Invoke(SwapStep.MarkerMovedIn);
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        interrupt?.Invoke(SwapStep.StagingRemoved);
        File.Delete(JournalOf(target));
        interrupt?.Invoke(SwapStep.InPlaceJournalRemoved);
    }

    /// <summary>Moves one staged file over its name in the output, making every folder on the way a real folder (a file
    /// or link in the way is removed) and removing a folder at the name itself. Done already when staging no longer has it.</summary>
    private static void MoveIn(string target, string staging, string path)
    {
        var from = Path.Combine(staging, path);
        if (Content.FileKinds.Of(from) != Content.FileKind.Regular)
        {
            return;
        }

        for (var slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            var folder = Path.Combine(target, path[..slash]);
            var kind = Content.FileKinds.Of(folder);
            if (kind == Content.FileKind.Directory)
            {
                continue;
            }

            if (kind != Content.FileKind.Missing)
            {
                File.Delete(folder);
            }

            Directory.CreateDirectory(folder);
        }

        var to = Path.Combine(target, path);
        if (Content.FileKinds.Of(to) == Content.FileKind.Directory)
        {
            Directory.Delete(to, recursive: true);
        }

        File.Move(from, to, overwrite: true);
    }

    /// <summary>Removes an entry without following it: a link goes, not what it leads to. Nothing is removed through a
    /// folder on the way that is no longer a folder (one replaced by a link since the walk would lead outside the output).</summary>
    private static void Remove(string target, string relative)
    {
        for (var slash = relative.IndexOf('/'); slash > 0; slash = relative.IndexOf('/', slash + 1))
        {
            if (Content.FileKinds.Of(Path.Combine(target, relative[..slash])) != Content.FileKind.Directory)
            {
                return;
            }
        }

        var path = Path.Combine(target, relative);
        switch (Content.FileKinds.Of(path))
        {
            case Content.FileKind.Missing:
                return;
            case Content.FileKind.Directory:
                Directory.Delete(path, recursive: true);
                return;
            default:
                File.Delete(path);
                return;
        }
    }

    /// <summary>Replaces the output folder with the staging folder. Throws an <see cref="IOException"/> whose message says
    /// what the output folder holds afterwards.</summary>
    public void Commit()
    {
        if (Directory.Exists(Target))
        {
            foreach (var kept in KeptFiles)
            {
                // Asked without following links: a .gitignore that is a link to a secret is not the repository's file.
                var from = Path.Combine(Target, kept);
                if (Content.FileKinds.Of(from) == Content.FileKind.Regular)
                {
                    File.Copy(from, Path.Combine(Staging, kept), overwrite: true);
                }
            }
        }
        else
        {
            // One rename: before it there is no output, after it the new one, complete.
            Directory.Move(Staging, Target);
            _committed = true;
            Interrupt?.Invoke(SwapStep.NewMovedIn);
            return;
        }

        bool exchanged;
        try
        {
            exchanged = UseExchange && AtomicSwap.TryExchange(Staging, Target);
        }
        catch (IOException ex)
        {
            throw new IOException($"{ex.Message}. '{_display}' still holds the previous site, unchanged.", ex);
        }

        if (exchanged)
        {
            // The previous site now sits under the staging name, marked as ours: removing it is all that is left.
            _committed = true;
            Interrupt?.Invoke(SwapStep.Exchanged);
            RemovePrevious(Staging);
            Interrupt?.Invoke(SwapStep.OldRemoved);
            return;
        }

        SwapWithJournal();
    }

    private void SwapWithJournal()
    {
        WriteJournal($"old={Old}\nstaging={Staging}\n");

        Interrupt?.Invoke(SwapStep.JournalWritten);
        try
        {
            Directory.Move(Target, Old);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(Journal);
            throw new IOException($"{ex.Message} '{_display}' still holds the previous site, unchanged.", ex);
        }

        Interrupt?.Invoke(SwapStep.OldMovedAside);
        try
        {
            Directory.Move(Staging, Target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                Directory.Move(Old, Target);
                File.Delete(Journal);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
                throw new IOException($"{ex.Message} The previous site could not be put back either ({again.Message}): it is complete in '{Old}', and the next build moves it back.", ex);
            }

            throw new IOException($"{ex.Message} '{_display}' still holds the previous site, unchanged.", ex);
        }

        _committed = true;
        Interrupt?.Invoke(SwapStep.NewMovedIn);
        File.Delete(Journal);
        Interrupt?.Invoke(SwapStep.JournalRemoved);
        RemovePrevious(Old);
        Interrupt?.Invoke(SwapStep.OldRemoved);
    }

    /// <summary>Writes the journal beside the output and flushes it to disk before anything it lists is done.</summary>
    private void WriteJournal(string text)
    {
        using var journal = new FileStream(Journal, FileMode.Create, FileAccess.Write, FileShare.None);
        journal.Write(System.Text.Encoding.UTF8.GetBytes(text));
        journal.Flush(flushToDisk: true);
    }

    /// <summary>The new site is in place whatever happens here: a previous site that cannot be removed is said, not failed on.</summary>
    private void RemovePrevious(string path)
    {
        try
        {
            DeleteTree(path);
        }
        catch (Exception ex) when (FileSystemFailure.Of(ex) is not null)
        {
            var failure = FileSystemFailure.Of(ex)!;
            _diagnostics.Add(Diagnostic.Note(DiagnosticCodes.OutputRecovered, SourceSpan.WholeFile(_display), $"The new site is in '{_display}', complete; the previous one could not be removed from '{path}' ({failure.Message}) and the next build tries again."));
        }
    }

    /// <summary>Removes a previous site with its top folders on several threads: most of the time goes to waiting for the
    /// file system to free each page's folder (a page is a folder of its own), and those waits overlap; one thread at a
    /// time took most of a one-page edit's build. Links are removed, never followed.</summary>
    private static void DeleteTree(string path)
    {
        var folders = Directory.GetDirectories(path).Where(d => Content.FileKinds.Of(d) == Content.FileKind.Directory).ToList();
        Parallel.ForEach(folders, new ParallelOptions { MaxDegreeOfParallelism = 4 * Environment.ProcessorCount }, folder => Directory.Delete(folder, recursive: true));
        Directory.Delete(path, recursive: true);
    }

    /// <summary>Writes what this build put in the staging folder into its marker (see <see cref="OutputManifest"/>), before
    /// <see cref="Commit"/> swaps it in.</summary>
    public void Describe(string markerText) => File.WriteAllText(Path.Combine(Staging, MarkerFile), markerText);

    /// <inheritdoc cref="Describe(string)"/>
    public void Describe(Action<Stream> writeMarker)
    {
        using var marker = new FileStream(Path.Combine(Staging, MarkerFile), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        writeMarker(marker);
    }

    /// <summary>Files at the top of an output folder that belong to the repository and are not the build's.</summary>
    public static IReadOnlyCollection<string> RepositoryFiles => KeptFiles;

    /// <summary>Lets go of the lock and nothing else, as a killed build does; for tests of the recovery.</summary>
    internal void Abandon() => _lock.Dispose();

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Staging))
        {
            try
            {
                Directory.Delete(Staging, recursive: true);
            }
            catch (IOException)
            {
                // The next build clears a leftover staging folder under the lock.
            }
        }

        _lock.Dispose();
    }
}
