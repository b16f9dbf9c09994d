using BackSiteGen.Content;

namespace BackSiteGen.Output;

/// <summary>Copies a file into the site only if it is still a regular file when it is copied.</summary>
/// <remarks>The scanner admitted it, but <see cref="File.Copy(string, string)"/> of a FIFO blocks forever and of
/// <c>/dev/zero</c> fills the disk: the type is asked again (one <c>statx</c>) right before the copy.</remarks>
public static class FileCopy
{
    public static void Regular(string source, string target)
    {
        var kind = FileKinds.Of(source, followLinks: true);
        if (kind is not FileKind.Regular and not FileKind.Missing)
        {
            throw new NotRegularFileException($"'{source}': {FileKinds.NotRegular(kind)}");
        }

        File.Copy(source, target);
    }
}
