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
            old = File.ReadAllLines(journal).FirstOrDefault(l => l.StartsWith("old=", StringComparison.Ordinal))?[4..];
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
        using (var journal = new FileStream(Journal, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            journal.Write(System.Text.Encoding.UTF8.GetBytes($"old={Old}\nstaging={Staging}\n"));
            journal.Flush(flushToDisk: true);
        }

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
