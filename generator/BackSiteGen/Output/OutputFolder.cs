using BackSiteGen.Diagnostics;

namespace BackSiteGen.Output;

/// <summary>Builds into a fresh folder beside the output and swaps it in only when the build succeeded,
/// so a failed build leaves the previous site exactly as it was and stale files never survive.</summary>
public sealed class OutputFolder : IDisposable
{
    /// <summary>Files at the top of the output folder that belong to the repository, not to a build, and are carried over.</summary>
    private static readonly string[] KeptFiles = [".gitignore", ".gitkeep"];

    private readonly FileStream _lock;
    private bool _committed;

    private OutputFolder(string target, string staging, FileStream lockStream)
    {
        Target = target;
        Staging = staging;
        _lock = lockStream;
    }

    /// <summary>The output folder the user named.</summary>
    public string Target { get; }

    /// <summary>Where this build writes; becomes <see cref="Target"/> on <see cref="Commit"/>.</summary>
    public string Staging { get; }

    /// <summary>Refuses dangerous targets and takes the output lock; null with a diagnostic when that is not possible.</summary>
    /// <param name="target">Absolute path of the output folder.</param>
    /// <param name="output">The output folder as the user wrote it, for messages.</param>
    public static OutputFolder? Open(string target, string output, string workingDirectory, IEnumerable<string> protectedFolders, DiagnosticBag diagnostics)
    {
        if (Refusal(target, workingDirectory, protectedFolders) is { } reason)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.OutputFolderRefused, SourceSpan.WholeFile(output), $"Refusing to build into '{output}': {reason} Nothing was deleted."));
            return null;
        }

        var parent = Path.GetDirectoryName(target)!;
        var name = Path.GetFileName(target);
        FileStream lockStream;
        try
        {
            Directory.CreateDirectory(parent);
            lockStream = new FileStream(Path.Combine(parent, $".backsitegen-{name}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException) when (File.Exists(Path.Combine(parent, $".backsitegen-{name}.lock")))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.OutputLocked, SourceSpan.WholeFile(output), "Another build is writing into this output folder; wait for it to finish."));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileSystemError, SourceSpan.WholeFile(output), $"Cannot write beside the output folder: {ex.Message}"));
            return null;
        }

        var staging = Path.Combine(parent, $".backsitegen-{name}-staging");
        try
        {
            // A staging folder left by a build that was killed is ours to remove: the lock says no build is using it.
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            Directory.CreateDirectory(staging);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            lockStream.Dispose();
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileSystemError, SourceSpan.WholeFile(output), $"Cannot create the build folder: {ex.Message}"));
            return null;
        }

        return new OutputFolder(target, staging, lockStream);
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
        }

        return null;
    }

    private static bool IsSameOrAncestor(string candidate, string path)
    {
        var a = Path.TrimEndingDirectorySeparator(candidate);
        var b = Path.TrimEndingDirectorySeparator(path);
        return b.Equals(a, StringComparison.Ordinal) || b.StartsWith(a + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>Replaces the output folder with the staging folder.</summary>
    public void Commit()
    {
        var old = Staging + "-old";
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }

        if (Directory.Exists(Target))
        {
            foreach (var kept in KeptFiles)
            {
                var from = Path.Combine(Target, kept);
                if (File.Exists(from))
                {
                    File.Copy(from, Path.Combine(Staging, kept), overwrite: true);
                }
            }

            Directory.Move(Target, old);
        }

        try
        {
            Directory.Move(Staging, Target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Put the previous site back: a failed swap must not lose it.
            if (Directory.Exists(old) && !Directory.Exists(Target))
            {
                Directory.Move(old, Target);
            }

            throw;
        }

        _committed = true;
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }
    }

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
