using System.Runtime.InteropServices;

namespace BackSiteGen.Output;

/// <summary>Exchanges two folders in one step with Linux's <c>renameat2(RENAME_EXCHANGE)</c>: at every instant each
/// name holds one complete tree, so a build killed at any moment leaves the old site or the new one.</summary>
internal static partial class AtomicSwap
{
    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>True when the two folders were exchanged; false when this system or file system cannot (the caller then
    /// falls back to two renames with a journal). Any other failure is an <see cref="IOException"/>.</summary>
    public static bool TryExchange(string a, string b)
    {
        if (_unavailable)
        {
            return false;
        }

        int result;
        try
        {
            result = RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange);
        }
        catch (EntryPointNotFoundException)
        {
            _unavailable = true;
            return false;
        }

        if (result == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        // ENOSYS (38): no such system call; EINVAL (22): the file system does not support the flag.
        if (errno is 38 or 22)
        {
            return false;
        }

        throw new IOException($"Cannot exchange '{a}' and '{b}': {Marshal.GetPInvokeErrorMessage(errno)}");
    }

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);
}
