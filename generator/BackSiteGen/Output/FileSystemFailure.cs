namespace BackSiteGen.Output;

/// <summary>Recognises failures of the disk rather than of BackSiteGen: permissions, a full disk, a path that is a file.</summary>
/// <remarks>Pages are written from <see cref="Parallel"/> loops, which wrap what they throw in an
/// <see cref="AggregateException"/>; unwrapped, a full disk would look like a crash instead of a message.</remarks>
public static class FileSystemFailure
{
    /// <summary>The first file system exception inside <paramref name="exception"/>, or null when it is something else.</summary>
    public static Exception? Of(Exception exception)
    {
        if (exception is IOException or UnauthorizedAccessException)
        {
            return exception;
        }

        if (exception is AggregateException aggregate)
        {
            var inner = aggregate.Flatten().InnerExceptions;
            return inner.Count > 0 && inner.All(e => e is IOException or UnauthorizedAccessException) ? inner[0] : null;
        }

        return null;
    }
}
