using BackSiteGen.Output;

namespace BackSiteGen.Tests.Hardening;

/// <summary>A full disk cannot be made in a test, but what it throws from the parallel page writers can.</summary>
public sealed class FileSystemFailureTests
{
    [Fact]
    public void A_full_disk_inside_parallel_writers_is_a_file_system_failure()
    {
        var full = new IOException("No space left on device");

        Assert.Same(full, FileSystemFailure.Of(new AggregateException(new AggregateException(full))));
        Assert.NotNull(FileSystemFailure.Of(new AggregateException(full, new UnauthorizedAccessException("denied"))));
    }

    [Fact]
    public void A_bug_among_the_failures_is_not_blamed_on_the_disk()
    {
        Assert.Null(FileSystemFailure.Of(new AggregateException(new IOException("x"), new InvalidOperationException("bug"))));
        Assert.Null(FileSystemFailure.Of(new InvalidOperationException("bug")));
    }
}
